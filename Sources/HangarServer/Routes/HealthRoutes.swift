import HangarCore
import HangarStore
import Hummingbird

/// `GET /health` answers as long as the process serves HTTP, without touching the database; `GET /ready`
/// answers only when the store does.
struct HealthRoutes: Sendable {
    let storage: any HangarStorage
    /// How long `/ready` waits for the database before it answers 503.
    let readyTimeout: Duration

    func register(on router: Router<HangarRequestContext>) {
        router.get("/health") { _, _ in
            try Response.json(["status": "ok"])
        }
        router.get("/ready") { _, _ in
            try await ping()
            return try Response.json(["status": "ready", "backend": storage.backend.rawValue])
        }
    }

    private func ping() async throws {
        do {
            try await withThrowingTaskGroup(of: Bool.self) { group in
                group.addTask {
                    try await storage.ping()
                    return true
                }
                group.addTask {
                    try await Task.sleep(for: readyTimeout)
                    return false
                }
                let answered = try await group.next() ?? false
                group.cancelAll()
                guard answered else {
                    throw HangarError(.databaseUnavailable, "the database did not answer in time")
                }
            }
        } catch let error as HangarError where error.code == .databaseUnavailable {
            throw error
        } catch {
            throw HangarError(.databaseUnavailable, "the database does not answer", underlying: error)
        }
    }
}
