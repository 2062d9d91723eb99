public import HangarTools

/// Registers the data tools on a tool registry, so they are served on MCP and REST like every other tool.
///
/// The tools run as one ``Principal`` the process was configured with (`--principal`, `--tenant`), never one
/// taken from the arguments, and their input schemas are generated for that principal (``DataToolSchemas``):
/// only the models, fields and operations it may use appear in them. The registry validates arguments
/// against these schemas first (`invalid_arguments` with a JSON pointer); the runtime then applies the
/// policy and writes the one audit event of the call.
public enum DataTools {
    /// Registers every data tool the principal may call: the read tools with `data:read`, and each write tool
    /// with `data:write` when at least one visible model allows its operation.
    public static func register(on registry: ToolRegistry, runtime: DataRuntime, principal: Principal) throws {
        for definition in definitions(runtime: runtime, principal: principal) {
            guard let tool = DataTool(rawValue: definition.name) else { continue }
            try registry.register(definition, auditsItself: true) { _, arguments in
                try await runtime.call(tool, arguments: arguments, as: principal)
            }
        }
    }

    /// The tool definitions for `principal`, sorted by name.
    public static func definitions(runtime: DataRuntime, principal: Principal) -> [ToolDefinition] {
        let models = runtime.visibleModels(for: principal)
        return DataTool.allCases.compactMap { tool -> ToolDefinition? in
            guard principal.holds(tool.scope) else { return nil }
            let usable = models.filter { model in tool.operation.map(model.writes.operations.contains) ?? true }
            guard tool == .describe || !usable.isEmpty else { return nil }
            return ToolDefinition(
                name: tool.rawValue, description: DataToolSchemas.description(of: tool),
                inputSchema: DataToolSchemas.input(for: tool, models: usable))
        }
    }
}
