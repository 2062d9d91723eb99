import HangarCore
public import Hummingbird

/// The request context of every Hangar route. Request bodies are capped at the JSON size limit.
public struct HangarRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = CoreRequestContextStorage(source: source)
    }

    public var maxUploadSize: Int { JSONLimits.default.maxBytes }
}
