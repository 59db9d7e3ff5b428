import Metrics

/// The service's metrics through swift-metrics (exported by whatever backend the process bootstraps;
/// `invcap serve` uses Prometheus): documents by outcome, queue depth, stage latencies, worker restarts.
enum ServiceMetrics {
    /// Counts one file's outcome: `accepted`, `needs_review`, `duplicate`, `failed` or `retried`.
    static func document(_ outcome: String) {
        Counter(label: "invcap_documents_total", dimensions: [("outcome", outcome)]).increment()
    }

    /// Records files waiting (taken but not finished, plus files in the inbox not yet stable).
    static func queueDepth(_ depth: Int) {
        Gauge(label: "invcap_queue_depth").record(depth)
    }

    /// Counts a worker process that died and was replaced.
    static func workerRestart() {
        Counter(label: "invcap_worker_restarts_total").increment()
    }

    /// Records the milliseconds a stage took for one file (`read` … `score`, `store`, and `total`).
    static func stage(_ stage: String, milliseconds: Int) {
        Timer(label: "invcap_stage_seconds", dimensions: [("stage", stage)]).recordMilliseconds(milliseconds)
    }
}
