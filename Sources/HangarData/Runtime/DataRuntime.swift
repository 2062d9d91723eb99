public import HangarCore
public import HangarStore
public import Logging

/// The policy-enforced runtime over one operator database: every data tool call goes through ``call(_:arguments:as:)``.
///
/// A call runs as a ``Principal`` the server sets, never one from the arguments. It is decoded and checked
/// against the models the policy exposes, rate limited per principal and model (`calls_per_minute`), compiled
/// to SQL by ``DataCompiler`` and run by the ``DataExecutor``; results are shaped by field access. Writes on a
/// model that requires approval are stored and return `data_approval_required` with the `approval_id`;
/// ``approve(_:by:)`` runs such a write once.
///
/// Every call, allowed or refused, appends exactly one `data.called` event on stream `data:<principal>` with
/// the tool, principal, tenant, model, decision, error code, row count, duration, redacted arguments and, for
/// writes, the before and after images of the affected rows (shaped like results: masked fields masked,
/// hashed fields hashed). A call whose event cannot be written fails with the storage error.
public final class DataRuntime: Sendable {
    /// The models the policy exposes, by canonical name.
    public let models: [String: ExposedModel]
    public let dialect: SQLDialect
    let compiler: DataCompiler
    let shaper: ResultShaper
    let executor: any DataExecutor
    let storage: any HangarStorage
    let limiter = CallRateLimiter()
    let logger: Logger

    /// - Parameters:
    ///   - secret: the server's data secret (at least 32 random bytes): it seals cursors and keys `hash` fields,
    ///     so it must stay the same across restarts for hashes to stay comparable.
    public init(
        models: [String: ExposedModel], dialect: SQLDialect, executor: any DataExecutor,
        storage: any HangarStorage, secret: [UInt8], logger: Logger
    ) {
        self.models = models
        self.dialect = dialect
        self.compiler = DataCompiler(dialect: dialect, cursorKey: secret + Array("cursor".utf8))
        self.shaper = ResultShaper(hashKey: secret)
        self.executor = executor
        self.storage = storage
        self.logger = logger
    }

    /// Runs one data tool call as `principal` and returns its result.
    ///
    /// - Throws: the call's `HangarError` (see the codes in `HangarError+Data.swift`), after its audit event
    ///   was written; the storage error when the event could not be written.
    public func call(_ tool: DataTool, arguments: JSONValue, as principal: Principal) async throws -> JSONValue {
        try await call(tool, arguments: arguments, as: principal, approval: nil)
    }

    /// The models `principal` may use, sorted by name.
    public func visibleModels(for principal: Principal) -> [ExposedModel] {
        models.values.filter(principal.sees).sorted { $0.name < $1.name }
    }

    func call(
        _ tool: DataTool, arguments: JSONValue, as principal: Principal, approval: (id: String, approver: String)?
    ) async throws -> JSONValue {
        let started = ContinuousClock.now
        var record = DataCallRecord(tool: tool, principal: principal, arguments: arguments)
        record.approvalID = approval?.id
        record.approver = approval?.approver
        let result: Result<JSONValue, HangarError>
        do {
            result = .success(try await perform(tool, arguments: arguments, as: principal, record: &record))
        } catch {
            let error = HangarError.wrapping(error)
            if error.code == .internal { logger.error("data call failed", metadata: ["error": "\(error)"]) }
            record.error = error
            if record.decision == .allowed { record.decision = .refused }
            result = .failure(error)
        }
        let elapsed = ContinuousClock.now - started
        let micros = elapsed.components.seconds * 1_000_000 + elapsed.components.attoseconds / 1_000_000_000_000
        try await storage.append(record.event(durationMicroseconds: micros))
        return try result.get()
    }

    private func perform(
        _ tool: DataTool, arguments: JSONValue, as principal: Principal, record: inout DataCallRecord
    ) async throws -> JSONValue {
        guard principal.holds(tool.scope) else {
            throw HangarError(.forbidden, "calling \(tool.rawValue) needs the scope \(tool.scope)")
        }
        if tool == .describe { return describe(for: principal) }
        let model = try ModelLookup.model(for: arguments, in: models)
        guard principal.sees(model) else { throw HangarError.unknownModel(model.name) }
        record.model = model
        try limiter.acquire(principal: principal.id, model: model)
        switch tool {
        case .describe: return describe(for: principal)
        case .query: return try await query(arguments, model: model, principal: principal, record: &record)
        case .get: return try await get(arguments, model: model, principal: principal, record: &record)
        case .aggregate: return try await aggregate(arguments, model: model, principal: principal, record: &record)
        case .create, .update, .delete, .bulkUpdate:
            return try await write(
                tool, arguments: arguments, model: model, principal: principal, approved: record.approvalID != nil,
                record: &record)
        }
    }
}

extension ExposedModel {
    /// The model's statement timeout as a duration.
    var statementTimeout: Duration { .milliseconds(budgets.statementTimeoutMilliseconds) }
}
