import HangarCore

extension DataPolicy {
    /// Joins the policy with the database's schema: the models and fields the agent may use, with types from the
    /// schema and names in their canonical spelling. A model with no allowed field is not exposed.
    ///
    /// - Throws: `data_policy_invalid` naming the JSON path when the policy names a table or column the
    ///   database does not have, a column of an unsupported type, a table without a usable primary key, or a
    ///   relation whose model or columns are not exposed. This is checked at load time, for the operator.
    public func expose(schema: SchemaCatalog) throws -> [String: ExposedModel] {
        let root = PolicyNode(.null)
        let modelsNode = PolicyNode(.null, path: root.childPath("models"))
        var exposed: [String: ExposedModel] = [:]
        var tables: [String: String] = [:]  // policy name → canonical table name
        for (name, model) in models.sorted(by: { $0.key < $1.key }) {
            let node = PolicyNode(.null, path: modelsNode.childPath(name))
            guard let table = schema.table(named: name) else {
                throw node.invalid("the database has no table '\(HangarError.echoed(name))'")
            }
            if let other = tables.first(where: { $0.value == table.name }) {
                throw node.invalid("names the same table as '\(HangarError.echoed(other.key))'")
            }
            tables[name] = table.name
            let joined = try join(model, table: table, at: node)
            if !joined.fields.isEmpty { exposed[table.name] = joined }
        }
        for (name, model) in models.sorted(by: { $0.key < $1.key }) {
            let node = PolicyNode(.null, path: modelsNode.childPath(name))
            let relationsNode = PolicyNode(.null, path: node.childPath("relations"))
            guard let table = tables[name] else { continue }
            for (relationName, relation) in model.relations.sorted(by: { $0.key < $1.key }) {
                let relationNode = PolicyNode(.null, path: relationsNode.childPath(relationName))
                let resolved = try resolve(relation, from: table, in: exposed, tables: tables, at: relationNode)
                exposed[table]?.relations[relationName] = resolved
            }
        }
        return exposed
    }

    private func join(_ model: ModelPolicy, table: SchemaTable, at node: PolicyNode) throws -> ExposedModel {
        func column(_ name: String, at path: String) throws -> SchemaColumn {
            guard let column = table.column(named: name) else {
                throw PolicyNode(.null, path: path).invalid(
                    "table '\(table.name)' has no column '\(HangarError.echoed(name))'")
            }
            return column
        }
        let scopeNode = PolicyNode(.null, path: node.childPath("row_scope"))
        var scope: [String: String] = [:]
        for (role, name) in model.rowScope.columns {
            scope[role] = try column(name, at: scopeNode.childPath(role)).name
        }
        var fields: [String: ExposedField] = [:]
        let fieldsNode = PolicyNode(.null, path: node.childPath("fields"))
        for (name, field) in model.fields.sorted(by: { $0.key < $1.key }) {
            let path = fieldsNode.childPath(name)
            let column = try column(name, at: path)
            guard let access = field.exposedAccess, !scope.values.contains(column.name),
                denyPattern(matching: column.name) == nil
            else { continue }
            guard let type = column.type else {
                throw PolicyNode(.null, path: path).invalid(
                    "column '\(column.name)' has type '\(column.declaredType)', which the data tools do not support")
            }
            fields[column.name] = ExposedField(
                name: column.name, type: type, nullable: column.nullable, access: access,
                filterable: field.filterable, sortable: field.sortable, aggregatable: field.aggregatable,
                writable: field.writable)
        }
        // A model with no allowed field is not exposed, so it needs no primary key (a starter policy lists
        // tables with composite keys too).
        var primaryKey = ""
        if let key = model.primaryKey {
            primaryKey = try column(key, at: node.childPath("primary_key")).name
        } else if table.primaryKey.count == 1 {
            primaryKey = table.primaryKey[0]
        } else if !fields.isEmpty {
            throw node.invalid("table '\(table.name)' has no single-column primary key; set primary_key")
        }
        var writes = model.writes
        let readOnlyPath = PolicyNode(.null, path: node.childPath("writes")).childPath("read_only")
        writes.readOnlyFields = Set(
            try model.writes.readOnlyFields.sorted().map { try column($0, at: readOnlyPath).name })
        return ExposedModel(
            name: table.name, primaryKey: primaryKey, fields: fields, tenantColumn: scope["tenant_field"],
            ownerColumn: scope["owner_field"], softDeleteColumn: scope["soft_delete_field"], budgets: model.budgets,
            writes: writes)
    }

    private func resolve(
        _ relation: RelationPolicy, from table: String, in exposed: [String: ExposedModel],
        tables: [String: String], at node: PolicyNode
    ) throws -> ExposedRelation {
        let target = tables[relation.model].flatMap { exposed[$0] }
        guard let target else {
            throw PolicyNode(.null, path: node.childPath("model")).invalid(
                "model '\(HangarError.echoed(relation.model))' is not exposed (not in the policy, or no field allowed)")
        }
        func field(_ name: String, of model: ExposedModel?, key: String) throws -> String {
            let field = model?.fields[name] ?? model?.fields.values.first { $0.name.lowercased() == name.lowercased() }
            guard let field, field.access == .allow else {
                throw PolicyNode(.null, path: node.childPath(key)).invalid(
                    "'\(HangarError.echoed(name))' is not an allowed field of model '\(model?.name ?? table)'")
            }
            return field.name
        }
        return ExposedRelation(
            model: target.name, from: try field(relation.from, of: exposed[table], key: "from"),
            to: try field(relation.to, of: target, key: "to"), many: relation.many, maxDepth: relation.maxDepth)
    }
}
