import Hummingbird

/// `GET /metrics`: every metric of the process in the Prometheus text format.
struct MetricsRoutes: Sendable {
    func register(on router: Router<HangarRequestContext>) {
        router.get("/metrics") { _, _ in
            var headers = HTTPFields()
            headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
            let body = ResponseBody(byteBuffer: ByteBuffer(bytes: HangarMetrics.render()))
            return Response(status: .ok, headers: headers, body: body)
        }
    }
}
