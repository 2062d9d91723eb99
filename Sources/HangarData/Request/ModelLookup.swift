public import HangarCore

/// Finds the model a tool call names.
public enum ModelLookup {
    /// The model named by `arguments["model"]`, matched bytewise against the principal's visible models.
    /// Hidden and nonexistent models both throw `unknown_model`.
    public static func model(for arguments: JSONValue, in models: [String: ExposedModel]) throws -> ExposedModel {
        guard case .string(let name)? = arguments["model"] else {
            throw HangarError(.invalidArguments, "'model' must be a string")
        }
        guard name.utf8.count <= ExposedModel.maximumNameLength, let model = models[name],
            model.name.isBytewise(name)
        else {
            throw HangarError.unknownModel(name)
        }
        return model
    }
}
