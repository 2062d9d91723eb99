public import HangarStore
public import Logging

/// What a tool handler is told about the call it serves, besides the arguments.
public struct ToolCall: Sendable {
    /// The name of the tool being called.
    public var tool: String
    public var caller: ToolCaller
    /// The store the registry audits into, for tools that read or write Hangar state.
    public var storage: any HangarStorage
    /// A logger with `tool.name` and `tool.actor` metadata set.
    public var logger: Logger

    public init(tool: String, caller: ToolCaller, storage: any HangarStorage, logger: Logger) {
        self.tool = tool
        self.caller = caller
        self.storage = storage
        self.logger = logger
    }
}
