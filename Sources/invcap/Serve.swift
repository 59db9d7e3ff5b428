import ArgumentParser
import Capture
import Foundation
import Hummingbird
import InvoiceModel
import Logging
import Metrics
import Prometheus
import ReviewWeb
import ServiceLifecycle
import Storage
import UnixSignals

#if canImport(Glibc)
    import Glibc
#endif

/// `invcap serve`: the folder watcher with supervised workers, and an HTTP port for health and metrics,
/// composed as one swift-service-lifecycle group.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Watch a folder and ingest every file dropped into its inbox/, unattended.",
        discussion: """
            FOLDER holds inbox/ (drop files here), processing/, done/ and failed/ (each failed file with \
            NAME.error.txt saying why). inotify wakes the watcher when files arrive (and it lists the inbox every \
            --rescan seconds anyway); on a network share, where inotify sees nothing, use --poll. A file is taken once its size and time have not changed for --settle \
            seconds; junk and temporary files (.DS_Store, ._*, Thumbs.db, @eaDir, ~$*, *.part, *.tmp, \
            dot-files) are left alone. Recognition runs in --workers child processes: a crash inside a C \
            library costs one attempt at that file, never the service; after --max-attempts the file goes to \
            failed/. Killed at any moment (even kill -9) and started again, it resumes processing/ and stores \
            nothing twice. SIGTERM or Ctrl-C: no new file is started, the ones in flight are finished.

            HTTP on --host:--port: the review UI (/queue; people sign in with the password set by invcap user \
            add NAME --password-stdin), the REST API under /api/v1 (token auth: invcap user token NAME; its OpenAPI \
            description at /api/v1/openapi.yaml), GET /healthz (JSON; 503 when the ledger cannot be read) and GET /metrics \
            (Prometheus text: invcap_documents_total by outcome, invcap_queue_depth, invcap_stage_seconds, \
            invcap_worker_restarts_total).

            Every option can also come from the environment (INVCAP_WORKERS, INVCAP_POLL, INVCAP_PORT …: the \
            option's name in capitals with _ for -) or a JSON file given with --config ({"workers": 2, \
            "poll": 5}); a flag wins over the environment, which wins over the file.

            Examples:
              invcap serve                     # ./inbox, default ledger, port 8350
              invcap serve /srv/scans --database /srv/ledger.sqlite --log-format json
              invcap serve /mnt/share --poll 10     # a network share: look every 10 s
            """)

    @Argument(
        help: ArgumentHelp("The folder holding inbox/, processing/, done/, failed/ (default: .).", valueName: "folder"))
    var folder: String?
    @Option(help: "Worker processes (default: one per core).") var workers: Int?
    @Option(help: "Look at the inbox every SECONDS instead of being woken by inotify (for network shares).")
    var poll: Double?
    @Option(help: "With inotify, list the inbox anyway every SECONDS (default 60).") var rescan: Double?
    @Option(help: "Seconds a file's size and time must stay the same before it is taken (default 2).")
    var settle: Double?
    @Option(help: "Attempts per file (a worker crash counts as one) before it goes to failed/ (default 3).")
    var maxAttempts: Int?
    @Flag(help: "Also take files in folders under inbox/.") var recursive = false
    @Option(help: "Address for /healthz and /metrics (default 127.0.0.1).") var host: String?
    @Option(help: "Port for /healthz and /metrics (default 8350).") var port: Int?
    @Option(help: "text or json (default text).") var logFormat: String?
    @Option(help: "Directory with confidence.json and review-policy.json (default: the shipped models/).")
    var models: String?
    @Option(help: "Tesseract languages joined with '+' (default chi_sim+eng).") var lang: String?
    @Option(help: ArgumentHelp("A JSON file of settings (keys: the option names).", valueName: "file"))
    var config: String?
    @OptionGroup var ledger: LedgerOptions

    func run() async throws {
        let settings = try ServeSettings(command: self)
        signal(SIGPIPE, SIG_IGN)
        LoggingSystem.bootstrap { label in
            settings.logFormat == "json"
                ? JSONLogHandler(label: label) : StreamLogHandler.standardError(label: label) as any LogHandler
        }
        let logger = Logger(label: "invcap.serve")
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))

        let store = try await ledger.open()
        if let queue = store as? PostgresStore {
            try await serveSharedLedger(queue, settings: settings, registry: registry, logger: logger)
            return
        }
        let folders: InboxFolders
        do {
            folders = try InboxFolders(root: URL(fileURLWithPath: settings.folder), recursive: recursive)
        } catch {
            throw CLIError(error.description)
        }
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var arguments = ["worker", "--database", store.location, "--jobs", "1", "--lang", settings.lang]
        if let models = settings.models { arguments += ["--models", models] }
        let pool = (0..<settings.workers).map { _ in
            WorkerProcess(executable: executable, arguments: arguments, environment: ["OMP_THREAD_LIMIT": "1"])
        }
        let service = FolderService(
            folders: folders, workers: pool, settings: settings.folderSettings,
            log: { logger.info("\($0)") })
        let router = buildOpsRouter(
            health: { await ServeHealth.report(store: store, service: service) },
            metrics: { registry.emitToString() })
        let desk = ReviewDesk(store: store, today: CalendarToday.latestTimeZone)
        ReviewController(store: store, desk: desk, archived: { try await store.blob($0) }).addRoutes(to: router)
        APIController(store: store, desk: desk, inbox: folders.inbox).addRoutes(to: router)
        let app = Application(
            router: router,
            configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: "invcap"),
            logger: logger)
        let watcher = WatcherService(service: service, workers: pool, logger: logger)
        let group = ServiceGroup(
            configuration: .init(
                services: [
                    .init(service: app),
                    .init(service: watcher, successTerminationBehavior: .gracefullyShutdownGroup),
                ],
                gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        logger.info(
            "watching \(folders.inbox.path) with \(settings.workers) workers; ledger \(store.location); http://\(settings.host):\(settings.port)/healthz"
        )
        do {
            try await group.run()
        } catch {
            throw CLIError("the service stopped: \(error)")
        }
    }
}

extension ServeCommand {
    /// With a PostgreSQL ledger: the review UI, the API (uploads go on the shared queue), health and metrics;
    /// recognition is the workers' (`invcap worker`, on this machine or others).
    func serveSharedLedger(
        _ store: PostgresStore, settings: ServeSettings, registry: PrometheusCollectorRegistry, logger: Logger
    ) async throws {
        if folder != nil {
            throw CLIError(
                "with a PostgreSQL ledger, folders are watched by the workers: invcap worker --database … --inbox \(folder ?? ".")"
            )
        }
        let router = buildOpsRouter(
            health: { await ServeHealth.report(queue: store) }, metrics: { registry.emitToString() })
        let desk = ReviewDesk(store: store, today: CalendarToday.latestTimeZone)
        ReviewController(store: store, desk: desk, archived: { try await store.blob($0) }).addRoutes(to: router)
        APIController(
            store: store, desk: desk,
            deliver: { name, bytes in
                switch try await store.enqueue(fileName: name, bytes: bytes, source: "upload") {
                case .queued(let job): return "\(name) (job \(job))"
                case .received(let job, let state): return "\(name) (received before as job \(job), \(state))"
                }
            }
        ).addRoutes(to: router)
        let app = Application(
            router: router,
            configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: "invcap"),
            logger: logger)
        let group = ServiceGroup(
            configuration: .init(
                services: [.init(service: app)], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        logger.info(
            "review UI and API on the shared ledger \(store.location); http://\(settings.host):\(settings.port)/healthz (recognition: invcap worker)"
        )
        do {
            try await group.run()
        } catch {
            throw CLIError("the service stopped: \(error)")
        }
        store.close()
    }
}

/// The folder watcher as a service of the group: runs until the group shuts down gracefully, then lets the
/// files in flight finish and stops the workers.
struct WatcherService: Service {
    let service: FolderService
    let workers: [WorkerProcess]
    let logger: Logger

    func run() async throws {
        await cancelWhenGracefulShutdown { await service.run() }
        for worker in workers { await worker.stop() }
        let counters = await service.counters
        logger.info(
            "stopped: \(counters.stored.values.reduce(0, +)) stored, \(counters.duplicates) already stored, \(counters.failed) failed, \(counters.workerRestarts) worker restarts"
        )
    }
}

/// What `/healthz` says.
enum ServeHealth {
    /// With a PostgreSQL ledger: the shared queue's jobs by state and the documents to review.
    static func report(queue store: PostgresStore) async -> HealthReport {
        do {
            let jobs = try await store.queueCounts()
            let counts = try await store.counts()
            let json = """
                {"status":"ok","ledger":"postgresql","queued":\(jobs["queued"] ?? 0),"running":\(jobs["running"] ?? 0),"done":\(jobs["done"] ?? 0),"failed":\(jobs["failed"] ?? 0),"toReview":\(counts[.needsReview] ?? 0)}
                """
            return HealthReport(healthy: true, json: json)
        } catch {
            let message = "\(error)".replacingOccurrences(of: "\"", with: "'")
            return HealthReport(healthy: false, json: #"{"status":"error","message":"\#(message)"}"#)
        }
    }

    static func report(store: any Ledger, service: FolderService) async -> HealthReport {
        let depth = await service.queueDepth
        let counters = await service.counters
        do {
            let counts = try await store.counts()
            let json = """
                {"status":"ok","queueDepth":\(depth),"workers":\(await service.workers.count),"stored":\(counters.stored.values.reduce(0, +)),"failed":\(counters.failed),"workerRestarts":\(counters.workerRestarts),"toReview":\(counts[.needsReview] ?? 0)}
                """
            return HealthReport(healthy: true, json: json)
        } catch {
            let message = "\(error)".replacingOccurrences(of: "\"", with: "'")
            return HealthReport(healthy: false, json: #"{"status":"error","message":"\#(message)"}"#)
        }
    }
}
