import HangarTools
import HangarWorkspace

/// The tools `hangar serve` and `hangar mcp` serve: the built-ins and the workspace tools.
enum ServedTools {
    static func register(on registry: ToolRegistry, home: String) throws {
        try registry.registerBuiltIns(layers: HangarInfoTool.defaultLayers + ["workspace"])
        let runtime = try WorkspaceRuntime(
            configuration: .load(home: home),
            storage: registry.storage)
        try WorkspaceTools.register(on: registry, runtime: runtime)
    }
}
