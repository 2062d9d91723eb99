import ArgumentParser
import HangarCore
import HangarData

/// `hangar data describe --policy FILE --database URL [--principal ID --tenant T --scope S…]`: what `db.describe`
/// answers that principal: the models, fields, writes and budgets it may use. Only the policy and the schema
/// are read, so nothing is audited.
struct DataDescribeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "describe", abstract: "Print what db.describe answers a principal.")

    @OptionGroup var data: DataOptions
    @OptionGroup var storage: StorageOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let principal = data.resolvedPrincipal
        try await DataCommandRunner.emit(json: output.json) {
            guard principal.holds(DataScope.read) else {
                throw HangarError(.forbidden, "calling db.describe needs the scope \(DataScope.read)")
            }
            return try await data.source.withRuntime(storage: storage) { runtime, _ in
                runtime.describe(for: principal)
            }
        } describe: {
            Self.text($0)
        }
    }

    /// The description as text: a line per model, an indented line per field, then the operators.
    static func text(_ description: JSONValue) -> String {
        var lines: [String] = []
        let tenant = description["principal"]?["tenant"]?.stringValue.map { ", tenant \($0)" } ?? ""
        lines.append("principal \(description["principal"]?["id"]?.stringValue ?? "?")\(tenant)")
        for model in description["models"]?.arrayValue ?? [] {
            let key = model["primary_key"]?.stringValue.map { "  primary key \($0)" } ?? ""
            lines.append("\(model["name"]?.stringValue ?? "?")\(key)")
            for field in model["fields"]?.arrayValue ?? [] {
                let flags = ["filterable", "sortable", "aggregatable"].filter { field[$0] == true }
                let nullable = field["nullable"] == true ? ", nullable" : ""
                let columns = [
                    field["name"]?.stringValue ?? "?", (field["type"]?.stringValue ?? "?") + nullable,
                    field["access"]?.stringValue ?? "?",
                ]
                lines.append("  " + (columns + flags).joined(separator: "\t"))
            }
            lines.append("  writes: " + writes(model["writes"]))
        }
        let operators = description["operators"]?.arrayValue?.compactMap(\.stringValue) ?? []
        lines.append("operators: " + operators.joined(separator: ", "))
        return lines.joined(separator: "\n")
    }

    private static func writes(_ writes: JSONValue?) -> String {
        let operations = writes?["operations"]?.arrayValue?.compactMap(\.stringValue) ?? []
        guard !operations.isEmpty else { return "none" }
        var parts = [operations.joined(separator: ", ")]
        if let rows = writes?["max_affected_rows"]?.intValue { parts.append("max \(rows) rows") }
        let readOnly = writes?["read_only_fields"]?.arrayValue?.compactMap(\.stringValue) ?? []
        if !readOnly.isEmpty { parts.append("read-only " + readOnly.joined(separator: ", ")) }
        if writes?["require_reason"] == true { parts.append("reason required") }
        if writes?["require_approval"] == true { parts.append("approval required") }
        return parts.joined(separator: "; ")
    }
}
