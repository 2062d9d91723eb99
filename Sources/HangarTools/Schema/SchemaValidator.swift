import HangarCore

/// Walks a document against a compiled schema and stops at the first violation.
enum SchemaValidator {
    static func firstViolation(of node: SchemaNode, in value: JSONValue, at pointer: String) -> SchemaViolation? {
        func violation(_ keyword: String, _ message: String) -> SchemaViolation {
            SchemaViolation(pointer: pointer, keyword: keyword, message: message)
        }

        if let constant = node.constant {
            return constant ? nil : violation("false", "is not allowed")
        }
        if let types = node.types, !types.contains(where: value.hasSchemaType) {
            return violation("type", "must be \(types.joined(separator: " or "))")
        }
        if let constValue = node.constValue, !value.schemaEquals(constValue) {
            return violation("const", "must be \(constValue.canonicalString())")
        }
        if let enumValues = node.enumValues, !enumValues.contains(where: value.schemaEquals) {
            let listed = enumValues.map { $0.canonicalString() }.joined(separator: ", ")
            return violation("enum", "must be one of \(listed)")
        }

        switch value {
        case .int, .double:
            return numberViolation(of: node, in: value, at: pointer)
        case .string(let string):
            return stringViolation(of: node, in: string, at: pointer)
        case .array(let elements):
            return arrayViolation(of: node, in: elements, at: pointer)
        case .object(let members):
            return objectViolation(of: node, in: members, at: pointer)
        case .null, .bool:
            return nil
        }
    }

    private static func numberViolation(of node: SchemaNode, in value: JSONValue, at pointer: String)
        -> SchemaViolation?
    {
        let bounds: [(keyword: String, bound: JSONValue?, fails: (Int) -> Bool, words: String)] = [
            ("minimum", node.minimum, { $0 < 0 }, ">="),
            ("maximum", node.maximum, { $0 > 0 }, "<="),
            ("exclusiveMinimum", node.exclusiveMinimum, { $0 <= 0 }, ">"),
            ("exclusiveMaximum", node.exclusiveMaximum, { $0 >= 0 }, "<"),
        ]
        for check in bounds {
            guard let bound = check.bound, let order = JSONValue.compareNumbers(value, bound) else { continue }
            if check.fails(order) {
                return SchemaViolation(
                    pointer: pointer,
                    keyword: check.keyword,
                    message: "must be \(check.words) \(bound.canonicalString())"
                )
            }
        }
        return nil
    }

    private static func stringViolation(of node: SchemaNode, in string: String, at pointer: String) -> SchemaViolation?
    {
        if node.minLength != nil || node.maxLength != nil {
            let length = string.unicodeScalars.count
            if let minLength = node.minLength, length < minLength {
                return SchemaViolation(
                    pointer: pointer,
                    keyword: "minLength",
                    message: "must be at least \(minLength) characters long"
                )
            }
            if let maxLength = node.maxLength, length > maxLength {
                return SchemaViolation(
                    pointer: pointer,
                    keyword: "maxLength",
                    message: "must be at most \(maxLength) characters long"
                )
            }
        }
        if let pattern = node.pattern, !pattern.matches(string) {
            return SchemaViolation(
                pointer: pointer,
                keyword: "pattern",
                message: "must match the pattern \(JSONValue.string(pattern.source).canonicalString())"
            )
        }
        return nil
    }

    private static func arrayViolation(of node: SchemaNode, in elements: [JSONValue], at pointer: String)
        -> SchemaViolation?
    {
        if let minItems = node.minItems, elements.count < minItems {
            return SchemaViolation(
                pointer: pointer,
                keyword: "minItems",
                message: "must have at least \(minItems) items"
            )
        }
        if let maxItems = node.maxItems, elements.count > maxItems {
            return SchemaViolation(
                pointer: pointer,
                keyword: "maxItems",
                message: "must have at most \(maxItems) items"
            )
        }
        if node.uniqueItems {
            for index in elements.indices.dropFirst() {
                if let earlier = elements[..<index].firstIndex(where: { $0.schemaEquals(elements[index]) }) {
                    return SchemaViolation(
                        pointer: JSONPointer.appending(pointer, index: index),
                        keyword: "uniqueItems",
                        message: "must not repeat item \(earlier)"
                    )
                }
            }
        }
        if let items = node.items {
            for (index, element) in elements.enumerated() {
                let path = JSONPointer.appending(pointer, index: index)
                if let found = firstViolation(of: items, in: element, at: path) { return found }
            }
        }
        return nil
    }

    private static func objectViolation(
        of node: SchemaNode,
        in members: [String: JSONValue],
        at pointer: String
    ) -> SchemaViolation? {
        for name in node.required where members[name] == nil {
            return SchemaViolation(
                pointer: JSONPointer.appending(pointer, key: name),
                keyword: "required",
                message: "is required"
            )
        }
        if let minProperties = node.minProperties, members.count < minProperties {
            return SchemaViolation(
                pointer: pointer,
                keyword: "minProperties",
                message: "must have at least \(minProperties) properties"
            )
        }
        if let maxProperties = node.maxProperties, members.count > maxProperties {
            return SchemaViolation(
                pointer: pointer,
                keyword: "maxProperties",
                message: "must have at most \(maxProperties) properties"
            )
        }
        for name in members.keys.sorted() {
            guard let member = members[name] else { continue }
            let path = JSONPointer.appending(pointer, key: name)
            if let schema = node.properties[name] {
                if let found = firstViolation(of: schema, in: member, at: path) { return found }
                continue
            }
            switch node.additionalProperties {
            case .allowed:
                continue
            case .forbidden:
                return SchemaViolation(pointer: path, keyword: "additionalProperties", message: "is not allowed")
            case .schema(let schema):
                if let found = firstViolation(of: schema, in: member, at: path) { return found }
            }
        }
        return nil
    }
}
