import Foundation
import HangarCore
import HangarData

/// Models with relations for the `include` tests: customers → orders → items → product, customers → region,
/// and back-references that close cycles.
///
/// Hidden columns in the tables: `tenant_id`, `owner_id`, `deleted_at`, `customers.secret`. The relation
/// `customers.audits` points at a model the test principal cannot see (it is missing from ``models``), and
/// `customers.name` is a relation named like a field.
enum IncludeFixtures {
    typealias F = DataFixtures

    static func fields(_ fields: [ExposedField]) -> [String: ExposedField] {
        Dictionary(uniqueKeysWithValues: fields.map { ($0.name, $0) })
    }

    static let customers = ExposedModel(
        name: "customers", primaryKey: "id",
        fields: fields([
            F.field("id", .integer), F.field("name", .text),
            F.field("email", .text, nullable: true, access: .hash, filterable: false, sortable: false),
            F.field("region_id", .integer, nullable: true),
        ]),
        tenantColumn: "tenant_id", softDeleteColumn: "deleted_at",
        relations: [
            "orders": ExposedRelation(model: "orders", from: "id", to: "customer_id", many: true, maxDepth: 1),
            "region": ExposedRelation(model: "regions", from: "region_id", to: "id", many: false, maxDepth: 1),
            "name": ExposedRelation(model: "regions", from: "region_id", to: "id", many: false, maxDepth: 1),
            "audits": ExposedRelation(model: "audits", from: "id", to: "customer_id", many: true, maxDepth: 1),
        ],
        budgets: DataBudgets(maxSelectedFields: 8))

    static let orders = ExposedModel(
        name: "orders", primaryKey: "id",
        fields: fields([
            F.field("id", .integer), F.field("customer_id", .integer, nullable: true), F.field("total", .real),
            F.field("card", .text, nullable: true, access: .mask(pattern: "****{last4}"), sortable: false),
            F.field("status", .text),
        ]),
        tenantColumn: "tenant_id",
        relations: [
            "items": ExposedRelation(model: "items", from: "id", to: "order_id", many: true, maxDepth: 2),
            "customer": ExposedRelation(model: "customers", from: "customer_id", to: "id", many: false, maxDepth: 2),
        ],
        budgets: DataBudgets(maxRows: 50))

    static let items = ExposedModel(
        name: "items", primaryKey: "id",
        fields: fields([
            F.field("id", .integer), F.field("order_id", .integer), F.field("sku", .text), F.field("qty", .integer),
        ]),
        tenantColumn: "tenant_id", ownerColumn: "owner_id",
        relations: [
            "product": ExposedRelation(model: "products", from: "sku", to: "sku", many: false, maxDepth: 2),
            "order": ExposedRelation(model: "orders", from: "order_id", to: "id", many: false, maxDepth: 4),
        ])

    static let products = ExposedModel(
        name: "products", primaryKey: "id",
        fields: fields([F.field("id", .integer), F.field("sku", .text), F.field("title", .text)]))

    static let regions = ExposedModel(
        name: "regions", primaryKey: "id", fields: fields([F.field("id", .integer), F.field("name", .text)]),
        relations: [
            "customers": ExposedRelation(model: "customers", from: "id", to: "region_id", many: true, maxDepth: 1)
        ])

    /// The principal's visible models (`audits` is not one of them).
    static let models: [String: ExposedModel] = [
        "customers": customers, "orders": orders, "items": items, "products": products, "regions": regions,
    ]

    /// Every canonical identifier and alias an include statement over these models may contain.
    static let identifiers: [String] = {
        var names = ["hangar_rank", "hangar_ranked", "tenant_id", "owner_id", "deleted_at"]
        for model in models.values {
            names.append(model.name)
            names += model.fields.keys
        }
        return names
    }()

    /// Decodes `arguments` (a query on the model they name) and compiles it for `dialect`.
    static func compile(
        _ arguments: JSONValue, dialect: SQLDialect, principal: Principal = DataFixtures.principal
    ) throws -> CompiledQuery {
        let model = try ModelLookup.model(for: arguments, in: models)
        let request = try QueryRequest(arguments: arguments, model: model, models: models)
        return try DataFixtures.compiler(dialect).compile(request, model: model, principal: principal)
    }

    /// Whether `sql` consists only of quoted canonical identifiers, the include aliases, keywords, punctuation
    /// and placeholders: nothing an agent wrote can be in it.
    static func isSchemaOnly(_ sql: String) -> Bool {
        var rest = sql
        for name in identifiers.sorted(by: { $0.count > $1.count }) {
            rest = rest.replacingOccurrences(of: "\"\(name)\"", with: " ")
        }
        let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZ_ ,()=<>*?$0123456789")
        return rest.allSatisfy { allowed.contains($0) }
    }
}
