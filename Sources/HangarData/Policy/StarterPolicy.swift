import Foundation
import HangarCore

/// The policy `hangar data init` writes: every table listed as a model with no fields, so nothing is exposed
/// until the operator allows it, and the table's columns listed under `_columns` (an annotation ``DataPolicy``
/// accepts and ignores, since JSON has no comments). A column added to the database later stays hidden.
public enum StarterPolicy {
    /// The starter policy for `schema`, as pretty-printed JSON with sorted keys.
    ///
    /// Each `_columns` entry reads `name type[, not null][, primary key][, globally denied]`, in declaration
    /// order; the declared type is the database's.
    public static func generate(schema: SchemaCatalog) -> String {
        var models: [String: JSONValue] = [:]
        for table in schema.tables.values {
            var model: [String: JSONValue] = [
                "fields": .object([:]),
                "_columns": .array(table.columns.map { .string(describe($0)) }),
            ]
            if table.primaryKey.count == 1 { model["primary_key"] = .string(table.primaryKey[0]) }
            models[table.name] = .object(model)
        }
        let policy: JSONValue = .object(["version": .int(Int64(DataPolicy.version)), "models": .object(models)])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(policy), let text = String(data: data, encoding: .utf8) else {
            // Encoding a JSONValue of strings, objects and an integer cannot fail.
            return "{\"models\":{},\"version\":1}\n"
        }
        return text + "\n"
    }

    private static func describe(_ column: SchemaColumn) -> String {
        var text = column.name + " " + (column.declaredType.isEmpty ? "(no type)" : column.declaredType)
        if !column.nullable { text += ", not null" }
        if column.primaryKey { text += ", primary key" }
        if column.type == nil { text += ", unsupported type" }
        if let pattern = DenyPattern.builtIn.first(where: { $0.matches(column.name) }) {
            text += ", globally denied by '\(pattern)'"
        }
        return text
    }
}
