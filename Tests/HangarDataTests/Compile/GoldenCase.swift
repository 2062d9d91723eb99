import HangarData
import Testing

/// One golden compile: the arguments and the exact SQL for both dialects with the binds.
struct GoldenCase: Sendable, CustomTestStringConvertible {
    var name: String
    var kind: CompileKind
    var arguments: String
    var sqlite: String
    var postgres: String
    var binds: [DataValue]
    var beforeSQLite: String? = nil
    var beforePostgres: String? = nil
    var beforeBinds: [DataValue] = []

    var testDescription: String { name }
}
