import HangarCore
import HangarData

/// Which tool a test case's arguments are for; decodes and compiles them against the fixtures.
enum CompileKind: String, Sendable {
    case query, get, aggregate, create, update, delete, bulkUpdate

    /// The compiled statement and, for writes, the count statement.
    func compile(
        _ arguments: JSONValue, dialect: SQLDialect, principal: Principal = DataFixtures.principal
    ) throws -> (statement: CompiledStatement, before: CompiledStatement?) {
        let models = ["users": DataFixtures.users, "notes": DataFixtures.notes]
        let model = try ModelLookup.model(for: arguments, in: models)
        let compiler = DataFixtures.compiler(dialect)
        switch self {
        case .query:
            return (
                try compiler.compile(
                    QueryRequest(arguments: arguments, model: model), model: model, principal: principal
                ).statement, nil
            )
        case .get:
            return (
                try compiler.compile(GetRequest(arguments: arguments, model: model), model: model, principal: principal)
                    .statement, nil
            )
        case .aggregate:
            return (
                try compiler.compile(
                    AggregateRequest(arguments: arguments, model: model), model: model, principal: principal
                ).statement, nil
            )
        case .create:
            let write = try compiler.compile(
                CreateRequest(arguments: arguments, model: model), model: model, principal: principal)
            return (write.statement, write.before)
        case .update:
            let write = try compiler.compile(
                UpdateRequest(arguments: arguments, model: model), model: model, principal: principal)
            return (write.statement, write.before)
        case .delete:
            let write = try compiler.compile(
                DeleteRequest(arguments: arguments, model: model), model: model, principal: principal)
            return (write.statement, write.before)
        case .bulkUpdate:
            let write = try compiler.compile(
                BulkUpdateRequest(arguments: arguments, model: model), model: model, principal: principal)
            return (write.statement, write.before)
        }
    }
}
