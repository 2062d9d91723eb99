import HangarCore
import HangarStore

extension DataRuntime {
    /// `db.create`, `db.update`, `db.delete`, `db.bulk_update`: `{"affected": n, "rows": [after images]}`.
    /// An update or delete of a row the principal cannot see (another tenant's, or none) is `not_found`, the
    /// same as `db.get`.
    /// On a model that requires approval (and when not running an approved write) the write is stored and
    /// `data_approval_required` is thrown with its `approval_id`.
    func write(
        _ tool: DataTool, arguments: JSONValue, model: ExposedModel, principal: Principal, approved: Bool,
        record: inout DataCallRecord
    ) async throws -> JSONValue {
        let (compiled, reason) = try compileWrite(tool, arguments: arguments, model: model, principal: principal)
        record.reason = reason
        if model.writes.requireApproval, !approved {
            record.decision = .held
            let id = try await holdForApproval(tool, arguments: arguments, model: model, principal: principal)
            record.approvalID = id
            throw HangarError(
                .dataApprovalRequired,
                "this write on '\(model.name)' needs a human's approval; it was stored as \(id) and did not run",
                details: ["approval_id": .string(id)])
        }
        let compiler = compiler
        let outcome = try await executor.write(
            compiled, principal: principal, timeout: model.statementTimeout,
            after: { keys in compiler.afterSnapshot(compiled, model: model, keys: keys) })
        if tool == .update || tool == .delete, outcome.keys.isEmpty { throw HangarError.rowNotFound(model) }
        let before = try snapshot(outcome.before, fields: compiled.snapshotFields)
        let after = try snapshot(outcome.after, fields: compiled.snapshotFields)
        record.rows = outcome.keys.count
        record.before = before
        record.after = after
        return ["affected": .int(Int64(outcome.keys.count)), "rows": .array(after)]
    }

    private func compileWrite(_ tool: DataTool, arguments: JSONValue, model: ExposedModel, principal: Principal)
        throws -> (CompiledWrite, String?)
    {
        switch tool {
        case .create:
            let request = try CreateRequest(arguments: arguments, model: model)
            return (try compiler.compile(request, model: model, principal: principal), request.reason)
        case .update:
            let request = try UpdateRequest(arguments: arguments, model: model)
            return (try compiler.compile(request, model: model, principal: principal), request.reason)
        case .delete:
            let request = try DeleteRequest(arguments: arguments, model: model)
            return (try compiler.compile(request, model: model, principal: principal), request.reason)
        case .bulkUpdate:
            let request = try BulkUpdateRequest(arguments: arguments, model: model)
            return (try compiler.compile(request, model: model, principal: principal), request.reason)
        case .describe, .query, .get, .aggregate:
            throw HangarError(.internal, "\(tool.rawValue) is not a write")
        }
    }

    /// Snapshot rows (primary key, then fields) shaped like results.
    private func snapshot(_ rows: [[DataValue]], fields: [ExposedField]) throws -> [JSONValue] {
        try shaper.shape(rows.map { Array($0.dropFirst()) }, fields: fields).map(JSONValue.object)
    }
}
