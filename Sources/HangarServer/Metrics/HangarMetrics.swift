import Metrics
public import Prometheus

/// The process's metrics: swift-metrics bootstrapped once with a Prometheus factory, so request metrics
/// (Hummingbird's `MetricsMiddleware`) and the store's own (event appends, `hangar_store_commit_batch_size`) land
/// in one registry that `GET /metrics` renders.
public enum HangarMetrics {
    /// The registry behind every metric of this process. The first use bootstraps swift-metrics; a static
    /// `let` runs its initialiser once, whichever thread gets there first.
    public static let registry: PrometheusCollectorRegistry = {
        let registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.nameAndLabelSanitizer = { name, labels in (renamed[name] ?? name, labels) }
        MetricsSystem.bootstrap(factory)
        return registry
    }()

    /// Bootstraps swift-metrics if it was not yet. Call it before opening a store, whose metrics are created
    /// with it: a metric made before the bootstrap goes nowhere.
    public static func bootstrap() {
        _ = registry
    }

    /// The Prometheus text exposition of every metric.
    public static func render() -> [UInt8] {
        var buffer: [UInt8] = []
        registry.emit(into: &buffer)
        return buffer
    }

    /// Hummingbird's metric labels, given names that follow Prometheus conventions.
    static let renamed: [String: String] = [
        "hb.requests": "hangar_http_requests_total",
        "hb.request.errors": "hangar_http_request_errors_total",
        "http.server.request.duration": "hangar_http_request_duration_seconds",
        "http.server.active_requests": "hangar_http_active_requests",
    ]
}
