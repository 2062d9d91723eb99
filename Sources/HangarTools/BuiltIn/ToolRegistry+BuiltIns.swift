import HangarCore

extension ToolRegistry {
    /// Registers the tools every Hangar serves: `hangar.info` and `events.read`.
    public func registerBuiltIns(layers: [String] = HangarInfoTool.defaultLayers) throws {
        try register(HangarInfoTool.definition, handler: HangarInfoTool.handler(layers: layers))
        try register(EventsReadTool.definition, handler: EventsReadTool.handler)
    }
}
