public import ServiceLifecycle

/// The gateway's long-lived part in a ServiceGroup: writes call events and settlements while it runs, writes
/// what is left on shutdown, then closes the upstream client.
public struct GatewayService: Service {
    let gateway: Gateway

    public init(gateway: Gateway) { self.gateway = gateway }

    public func run() async throws {
        await withGracefulShutdownHandler {
            await gateway.journal.run()
        } onGracefulShutdown: {
            gateway.journal.finish()
        }
        try await gateway.client.shutdown()
    }
}
