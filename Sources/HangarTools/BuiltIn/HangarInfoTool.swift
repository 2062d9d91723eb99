import HangarCore
import HangarStore

/// `hangar.info`: what this Hangar is: its version, its storage backend and the layers it runs.
public enum HangarInfoTool {
    public static let name = "hangar.info"

    /// The layers every build currently runs.
    public static let defaultLayers = ["core", "store", "tools", "server"]

    public static let definition = ToolDefinition(
        name: name,
        description: "Describes this Hangar server: its version, its storage backend and the layers it runs.",
        inputSchema: [
            "type": "object",
            "properties": [:],
            "additionalProperties": false,
        ],
        outputSchema: [
            "type": "object",
            "properties": [
                "version": ["type": "string", "description": "the Hangar version"],
                "storage_backend": ["type": "string", "enum": ["sqlite", "postgres"]],
                "layers": ["type": "array", "items": ["type": "string"]],
            ],
            "required": ["version", "storage_backend", "layers"],
            "additionalProperties": false,
        ]
    )

    public static func handler(layers: [String] = defaultLayers) -> ToolRegistry.Handler {
        { context, _ in
            [
                "version": .string(HangarVersion.current),
                "storage_backend": .string(context.storage.backend.rawValue),
                "layers": .array(layers.map(JSONValue.string)),
            ]
        }
    }
}
