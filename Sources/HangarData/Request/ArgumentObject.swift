import HangarCore

/// A tool's arguments object, checked strictly: it must be an object and may hold only the expected keys
/// (compared bytewise). An explicit `null` reads as absent.
struct ArgumentObject {
    private let object: [String: JSONValue]

    init(_ json: JSONValue, allowed: [String]) throws {
        guard case .object(let object) = json else {
            throw HangarError(.invalidArguments, "the arguments must be an object")
        }
        for key in object.keys where !allowed.contains(where: { $0.isBytewise(key) }) {
            throw HangarError(.invalidArguments, "unknown argument '\(HangarError.echoed(key))'")
        }
        self.object = object
    }

    subscript(key: String) -> JSONValue? {
        switch object[key] {
        case .none, .null?: nil
        case let value?: value
        }
    }

    /// The `model` argument, which must name `model` exactly; anything else is `unknown_model`.
    func checkModel(_ model: ExposedModel) throws {
        guard case .string(let name)? = self["model"] else {
            throw HangarError(.invalidArguments, "'model' must be a string")
        }
        guard name.isBytewise(model.name) else { throw HangarError.unknownModel(name) }
    }

    /// An optional string argument of at most `maxLength` characters.
    func string(_ key: String, maxLength: Int) throws -> String? {
        guard let value = self[key] else { return nil }
        guard case .string(let text) = value, text.utf8.count <= maxLength * 4, text.count <= maxLength else {
            throw HangarError(.invalidArguments, "'\(key)' must be a string of at most \(maxLength) characters")
        }
        return text
    }

    /// A required `where` filter, or an optional one.
    func filter(model: ExposedModel, required: Bool) throws -> Filter? {
        guard let json = self["where"] else {
            if required { throw HangarError(.invalidArguments, "'where' is required") }
            return nil
        }
        return try Filter(json: json, model: model)
    }
}
