public import Hummingbird

/// What `/healthz` reports: whether the service can do its job, in a line of JSON.
public struct HealthReport: Sendable {
    /// Whether the service is healthy (HTTP 200) or not (HTTP 503).
    public var healthy: Bool
    /// The JSON body.
    public var json: String

    /// Creates a report.
    public init(healthy: Bool, json: String) {
        self.healthy = healthy
        self.json = json
    }
}

/// The operations routes of `invcap serve`: `GET /healthz` and `GET /metrics` (Prometheus text format).
///
/// - Parameters:
///   - health: the service's health now.
///   - metrics: the metrics in Prometheus text format.
public func buildOpsRouter(
    health: @escaping @Sendable () async -> HealthReport, metrics: @escaping @Sendable () -> String
) -> Router<BasicRequestContext> {
    let router = Router()
    router.get("healthz") { _, _ -> Response in
        let report = await health()
        return Response(
            status: report.healthy ? .ok : .serviceUnavailable,
            headers: [.contentType: "application/json; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: report.json + "\n")))
    }
    router.get("metrics") { _, _ -> Response in
        Response(
            status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: metrics())))
    }
    return router
}
