public import Foundation
public import Hummingbird
public import InvoiceModel

/// The REST API under `/api/v1` for scripts: token auth (`Authorization: Bearer …`), JSON in and out, errors as
/// `{"error": {"code", "message"}}`, and its OpenAPI description at `/api/v1/openapi.yaml`.
public struct APIController: Sendable {
    /// The ledger.
    public let store: any ReviewController.Store
    /// Corrections and approvals.
    public let desk: ReviewDesk
    /// Hands an uploaded file (its name, already made safe, and bytes) to whatever ingests it, returning the name
    /// it was received under.
    public typealias Deliver = @Sendable (_ fileName: String, _ bytes: [UInt8]) async throws -> String
    /// Where uploads go, or `nil` when nothing ingests them.
    public let deliver: Deliver?
    /// The largest upload accepted.
    public static let maxUploadBytes = 64 * 1024 * 1024

    /// Creates the controller; uploads are dropped into `inbox` (`FOLDER/inbox`, watched by `invcap serve`).
    public init(store: any ReviewController.Store, desk: ReviewDesk, inbox: URL?) {
        var deliver: Deliver?
        if let inbox { deliver = { @Sendable name, bytes in try Self.drop(bytes, named: name, into: inbox) } }
        self.init(store: store, desk: desk, deliver: deliver)
    }

    /// Creates the controller; uploads go to `deliver` (the shared queue, for a PostgreSQL ledger).
    public init(store: any ReviewController.Store, desk: ReviewDesk, deliver: Deliver?) {
        self.store = store
        self.desk = desk
        self.deliver = deliver
    }

    /// Adds the API's routes to `router`.
    public func addRoutes(to router: Router<BasicRequestContext>) {
        let api = router.group("api/v1")
        api.get("openapi.yaml") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "application/yaml; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: OpenAPIDocument.yaml)))
        }
        api.get("documents") { request, _ in try await respond { try await list(request) } }
        api.get("documents/:id") { request, context in try await respond { try await get(request, context) } }
        api.patch("documents/:id/fields") { request, context in try await respond { try await patch(request, context) }
        }
        api.post("documents/:id/accept") { request, context in
            try await respond { try await decide(request, context, accept: true) }
        }
        api.post("documents/:id/reject") { request, context in
            try await respond { try await decide(request, context, accept: false) }
        }
        api.post("documents") { request, context in try await respond { try await upload(request, context) } }
        api.get("export") { request, _ in try await respond { try await export(request) } }
    }

    // MARK: - Routes

    func list(_ request: Request) async throws -> Response {
        _ = try await caller(request)
        let parameters = request.uri.queryParameters
        var state: DocumentState? = .needsReview
        if let text = parameters["state"].map(String.init) {
            guard text == "all" || DocumentState(rawValue: text) != nil else {
                throw APIError(.badRequest, "bad-parameter", "state is needs_review, accepted, rejected or all")
            }
            state = DocumentState(rawValue: text)
        }
        let limit = parameters["limit"].flatMap { Int($0) } ?? 100
        guard (1...1000).contains(limit) else { throw APIError(.badRequest, "bad-parameter", "limit is 1 to 1000") }
        let rows = try await store.list(DocumentQuery(state: state, limit: limit))
        return Self.json(.object([("documents", .array(rows.map(\.json)))]))
    }

    func get(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        _ = try await caller(request)
        guard let document = try await store.document(id: try Self.id(context)) else {
            throw APIError(.notFound, "not-found", "no such document")
        }
        return Self.json(document.json)
    }

    func patch(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let person = try await caller(request)
        let id = try Self.id(context)
        let body = try await Self.decode(FieldPatch.self, request)
        guard let current = try await store.document(id: id) else {
            throw APIError(.notFound, "not-found", "no such document")
        }
        guard current.version == body.version else {
            return Self.json(
                .object([
                    (
                        "error",
                        .object([
                            ("code", .string("version-conflict")),
                            (
                                "message",
                                .string(
                                    "someone else changed the document: version \(body.version) → \(current.version)")
                            ),
                        ])
                    ), ("document", current.json),
                ]), status: .conflict)
        }
        let path: FieldPath
        do {
            path = try FieldPath(parsing: body.field)
        } catch {
            throw APIError(.badRequest, "unknown-field", error.description)
        }
        let correction = try await desk.set(path, to: body.value, document: id, by: person.name)
        return Self.json(
            .object([
                ("document", correction.document.json),
                ("checks", .array(correction.checks.map(\.json))),
            ]))
    }

    func decide(_ request: Request, _ context: BasicRequestContext, accept: Bool) async throws -> Response {
        let person = try await caller(request)
        let id = try Self.id(context)
        let body = try await Self.decode(Decision.self, request)
        let document =
            accept
            ? try await desk.approve(document: id, by: person.name, override: body.reason)
            : try await desk.reject(document: id, by: person.name, reason: body.reason ?? "")
        return Self.json(document.json)
    }

    func upload(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        _ = try await caller(request)
        guard let deliver else {
            throw APIError(.serviceUnavailable, "no-watcher", "uploads need invcap serve (a watched inbox or a queue)")
        }
        let buffer = try await request.body.collect(upTo: Self.maxUploadBytes)
        guard
            let file = MultipartUpload(
                body: Array(buffer.readableBytesView), contentType: request.headers[.contentType] ?? "")
        else { throw APIError(.badRequest, "no-file", "send the invoice as multipart/form-data with a file part") }
        guard !file.bytes.isEmpty else { throw APIError(.badRequest, "empty-file", "the file has no bytes") }
        let received: String
        do {
            received = try await deliver(file.fileName, file.bytes)
        } catch {
            throw APIError(.internalServerError, "cannot-store-upload", "\(error)")
        }
        return Self.json(.object([("status", .string("queued")), ("file", .string(received))]), status: .accepted)
    }

    /// Writes an upload into the watched inbox under a name no other file has (a temporary name first, so the
    /// watcher never sees half a file), returning that name.
    static func drop(_ bytes: [UInt8], named fileName: String, into inbox: URL) throws -> String {
        let temporary = inbox.appendingPathComponent(".upload-\(UUID().uuidString).tmp")
        var target = inbox.appendingPathComponent(fileName)
        var counter = 1
        while FileManager.default.fileExists(atPath: target.path) {
            counter += 1
            target = inbox.appendingPathComponent("\(counter)-\(fileName)")
        }
        do {
            try Data(bytes).write(to: temporary)
            try FileManager.default.moveItem(at: temporary, to: target)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
        return target.lastPathComponent
    }

    /// `GET /export?format=csv|jsonl&status=accepted&since=YYYY-MM-DD`: as `invcap export`.
    func export(_ request: Request) async throws -> Response {
        _ = try await caller(request)
        let parameters = request.uri.queryParameters
        let format = parameters["format"].map(String.init) ?? "csv"
        guard format == "csv" || format == "jsonl" else {
            throw APIError(.badRequest, "bad-parameter", "format is csv or jsonl")
        }
        let status = parameters["status"].map(String.init) ?? "accepted"
        guard status == "all" || DocumentState(rawValue: status) != nil else {
            throw APIError(.badRequest, "bad-parameter", "status is accepted, needs_review, rejected or all")
        }
        var since: Date?
        if let day = parameters["since"].map(String.init) {
            guard let date = LedgerExport.startOfDay(day) else {
                throw APIError(.badRequest, "bad-parameter", "since is a day like 2026-11-01")
            }
            since = date
        }
        let documents = try await LedgerExport.documents(status, since: since, from: store)
        let body: [UInt8] =
            format == "csv"
            ? CSVWriter(byteOrderMark: true).bytes(LedgerExport.rows(documents, excelText: true))
            : Array(documents.map { $0.json.serialized() + "\n" }.joined().utf8)
        return Response(
            status: .ok,
            headers: [
                .contentType: format == "csv" ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8",
                .contentDisposition: "attachment; filename=\"invoices.\(format)\"",
            ],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }

    // MARK: - Helpers

    /// The person whose token the request carries.
    func caller(_ request: Request) async throws -> Reviewer {
        guard let header = request.headers[.authorization], header.hasPrefix("Bearer "),
            let name = try await store.apiTokenOwner(hash: Credentials.digest(String(header.dropFirst(7)))),
            let person = try await store.reviewer(named: name)
        else {
            throw APIError(.unauthorized, "unauthorized", "send Authorization: Bearer TOKEN (invcap user token NAME)")
        }
        return person
    }

    /// Runs a route, turning every failure into a JSON error with a stable code.
    func respond(_ body: () async throws -> Response) async throws -> Response {
        do {
            return try await body()
        } catch let error as APIError {
            return Self.error(error.status, error.code, error.message)
        } catch let error as LedgerError {
            switch error {
            case .noSuchDocument: return Self.error(.notFound, "not-found", error.description)
            case .versionConflict: return Self.error(.conflict, "version-conflict", error.description)
            case .wrongState: return Self.error(.conflict, "wrong-state", error.description)
            case .unknownReviewer, .notAllowed: return Self.error(.forbidden, "forbidden", error.description)
            case .unknownField: return Self.error(.badRequest, "unknown-field", error.description)
            default: return Self.error(.internalServerError, "ledger", error.description)
            }
        } catch let error as ValueError {
            return Self.error(.unprocessableContent, "bad-value", error.description)
        } catch let error as ReviewRefusal {
            return Self.error(.unprocessableContent, "refused", error.description)
        }
    }

    static func id(_ context: BasicRequestContext) throws -> Int64 {
        guard let id = context.parameters.get("id", as: Int64.self), id > 0 else {
            throw APIError(.badRequest, "bad-parameter", "a document number is expected")
        }
        return id
    }

    static func decode<T: Decodable>(_ type: T.Type, _ request: Request) async throws -> T {
        let buffer = try await request.body.collect(upTo: 1024 * 1024)
        do {
            return try JSONDecoder().decode(T.self, from: Data(buffer.readableBytesView))
        } catch {
            throw APIError(.badRequest, "bad-json", "the body is not the JSON this route takes: \(error)")
        }
    }

    static func json(_ value: JSONValue, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: value.serialized())))
    }

    static func error(_ status: HTTPResponse.Status, _ code: String, _ message: String) -> Response {
        json(.object([("error", .object([("code", .string(code)), ("message", .string(message))]))]), status: status)
    }
}

/// An API failure with its HTTP status and stable code.
struct APIError: Error {
    var status: HTTPResponse.Status
    var code: String
    var message: String
    init(_ status: HTTPResponse.Status, _ code: String, _ message: String) {
        self.status = status
        self.code = code
        self.message = message
    }
}

struct FieldPatch: Decodable {
    var field: String
    var value: String
    var version: Int
}

struct Decision: Decodable {
    var reason: String?
}
