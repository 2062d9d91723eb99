import Hummingbird
import NIOCore

/// The request context of the mock's routes: Hummingbird's core context plus the connection's channel, where
/// a request finds its ``ConnectionWatch``.
struct MockRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let channel: any Channel

    init(source: ApplicationRequestContextSource) {
        self.coreContext = CoreRequestContextStorage(source: source)
        self.channel = source.channel
    }

    /// Requests carry whole conversations; 16 MiB is generous and still bounded.
    var maxUploadSize: Int { 16 << 20 }

    /// The watch of this request's connection; one that never fires when there is none (a test channel).
    func connectionWatch() async -> ConnectionWatch {
        (try? await channel.pipeline.handler(type: ConnectionWatch.self).get()) ?? ConnectionWatch()
    }
}
