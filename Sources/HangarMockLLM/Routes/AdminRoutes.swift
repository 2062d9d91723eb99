import Foundation
import HangarCore
import Hummingbird

/// `GET /v1/models` (the script's models), and the mock's own `GET`/`DELETE /_mock/requests` over the
/// ``MockRecorder``.
struct AdminRoutes: Sendable {
    let models: [String]
    let recorder: MockRecorder
    /// When the mock started, as each model's `created`.
    let created: Int64

    func register(on router: Router<MockRequestContext>) {
        router.get("/v1/models") { _, _ in
            let data = models.map { model -> JSONValue in
                ["id": .string(model), "object": "model", "created": .int(created), "owned_by": "hangar-mock"]
            }
            return MockResponse.json(["object": "list", "data": .array(data)])
        }
        router.get("/_mock/requests") { _, _ in
            let records = try JSONValue(encoding: await recorder.requests())
            return MockResponse.json(["requests": records])
        }
        router.delete("/_mock/requests") { _, _ in
            await recorder.clear()
            return MockResponse.json(["cleared": true])
        }
    }
}
