import Foundation
import HangarCore
import HangarData

/// The models, principal and compilers the request and compiler tests share.
enum DataFixtures {
    static func field(
        _ name: String, _ type: ColumnType, nullable: Bool = false, access: FieldAccess = .allow,
        filterable: Bool = true, sortable: Bool = true, aggregatable: Bool = false
    ) -> ExposedField {
        ExposedField(
            name: name, type: type, nullable: nullable, access: access, filterable: filterable, sortable: sortable,
            aggregatable: aggregatable)
    }

    /// `users`: tenant-scoped with soft delete. Hidden columns in the table: `tenant_id`, `deleted_at`,
    /// `secret_note`, `password_hash`.
    static let users = ExposedModel(
        name: "users", primaryKey: "id",
        fields: Dictionary(
            uniqueKeysWithValues: [
                field("id", .integer),
                field("name", .text),
                field("email", .text, nullable: true),
                field("age", .integer, aggregatable: true),
                field("score", .real, nullable: true, aggregatable: true),
                field("active", .boolean, aggregatable: true),
                field("status", .text, aggregatable: true),
                field("ssn", .text, access: .mask(pattern: "***-**-{last4}"), filterable: false, sortable: false),
                field("phone", .text, access: .hash, filterable: false, sortable: false),
                field("created_at", .timestamp),
            ].map { ($0.name, $0) }),
        tenantColumn: "tenant_id", softDeleteColumn: "deleted_at",
        writes: WritePolicy(
            operations: Set(WritePolicy.Operation.allCases), readOnlyFields: ["created_at"], maxAffectedRows: 10))

    /// `notes`: tenant- and owner-scoped, no soft delete, a reason required for every write.
    static let notes = ExposedModel(
        name: "notes", primaryKey: "id",
        fields: Dictionary(
            uniqueKeysWithValues: [field("id", .integer), field("title", .text), field("pinned", .boolean)].map {
                ($0.name, $0)
            }),
        tenantColumn: "tenant_id", ownerColumn: "owner_id",
        writes: WritePolicy(operations: Set(WritePolicy.Operation.allCases), requireReason: true))

    static let principal = Principal(id: "agent-1", tenant: "acme")
    static let otherPrincipal = Principal(id: "agent-2", tenant: "acme")
    static let otherTenant = Principal(id: "agent-1", tenant: "globex")

    static let cursorKey: [UInt8] = Array(repeating: 7, count: 32)
    static let sqlite = DataCompiler(dialect: .sqlite, cursorKey: cursorKey)
    static let postgres = DataCompiler(dialect: .postgres, cursorKey: cursorKey)

    static func compiler(_ dialect: SQLDialect) -> DataCompiler {
        dialect == .sqlite ? sqlite : postgres
    }

    static func json(_ text: String) throws -> JSONValue {
        try JSONValue.parse(text)
    }

    /// Every canonical identifier a statement over the fixtures may contain.
    static let identifiers: [String] = {
        var names = ["users", "notes", "tenant_id", "owner_id", "deleted_at"]
        names += users.fields.keys
        names += notes.fields.keys
        return names
    }()

    /// Whether `sql` consists only of quoted canonical identifiers, keywords, punctuation and placeholders:
    /// nothing an agent wrote can be in it.
    static func isSchemaOnly(_ sql: String) -> Bool {
        var rest = sql
        for name in identifiers.sorted(by: { $0.count > $1.count }) {
            rest = rest.replacingOccurrences(of: "\"\(name)\"", with: " ")
        }
        let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZ_ ,()=<>*?$0123456789'\\")
        return rest.allSatisfy { allowed.contains($0) }
    }
}
