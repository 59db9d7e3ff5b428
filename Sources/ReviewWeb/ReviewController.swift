public import Foundation
public import Hummingbird
public import InvoiceModel

/// The review UI: sign-in, the queue, a document with its page image and fields, corrections, approval and
/// rejection. Every page needs a session; every form carries the session's CSRF token; ids in URLs are
/// numbers looked up in the ledger, so no URL reaches the file system.
public struct ReviewController: Sendable {
    /// What the UI needs of the ledger.
    public typealias Store = InvoiceStore & AccountStore
    /// The ledger.
    public let store: any Store
    /// Corrections and approvals.
    public let desk: ReviewDesk
    /// The bytes of an archived file (a page image) by its SHA-256.
    public let archived: @Sendable (String) async throws -> [UInt8]
    /// How long a sign-in lasts.
    public let sessionLifetime: TimeInterval
    /// Whether cookies are marked Secure (behind HTTPS).
    public let secureCookies: Bool

    /// The queue's counts, refreshed every two seconds.
    let countsCache = CountsCache()

    static let sessionCookie = "invcap_session"
    static let loginCookie = "invcap_login"

    /// Creates the controller.
    public init(
        store: any Store, desk: ReviewDesk, archived: @escaping @Sendable (String) async throws -> [UInt8],
        sessionLifetime: TimeInterval = 12 * 3600, secureCookies: Bool = false
    ) {
        self.store = store
        self.desk = desk
        self.archived = archived
        self.sessionLifetime = sessionLifetime
        self.secureCookies = secureCookies
    }

    /// Adds the UI's routes, behind the security headers, to `router`.
    public func addRoutes(to router: Router<BasicRequestContext>) {
        let group = router.group().add(middleware: SecurityHeaders())
        group.get("/") { _, _ in Self.redirect("/queue") }
        group.get("static/review.js") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/javascript; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: ReviewScript.source)))
        }
        group.get("login") { request, _ in try await loginForm(request, error: nil) }
        group.get("lang/:code") { _, context in
            let code = context.parameters.get("code") == "zh" ? "zh" : "en"
            var response = Self.redirect("/queue")
            response.setCookie(Cookie(name: "lang", value: code, maxAge: 365 * 86400, path: "/", sameSite: .lax))
            return response
        }
        group.post("login") { request, context in try await login(request, context) }
        group.post("logout") { request, context in try await logout(request, context) }
        group.get("queue") { request, _ in try await queue(request) }
        group.get("documents/:id") { request, context in try await document(request, context, notice: nil) }
        group.get("documents/:id/pages/:page/image") { request, context in try await image(request, context) }
        group.post("documents/:id/fields") { request, context in try await setField(request, context) }
        group.post("documents/:id/accept") { request, context in try await decide(request, context, accept: true) }
        group.post("documents/:id/reject") { request, context in try await decide(request, context, accept: false) }
        group.get("admin/rule") { request, _ in try await rulePage(request, notice: nil) }
        group.post("admin/rule") { request, context in try await setRule(request, context) }
    }

    // MARK: - Sessions

    /// The signed-in person and their session, or `nil`.
    func signedIn(_ request: Request) async throws -> (Reviewer, WebSession)? {
        guard let token = request.cookies[Self.sessionCookie]?.value,
            let session = try await store.session(tokenHash: Credentials.digest(token), at: Date()),
            let person = try await store.reviewer(named: session.userName)
        else { return nil }
        return (person, session)
    }

    /// The signed-in person, after checking the form's CSRF token.
    func signedIn<Form: CSRFForm>(_ request: Request, _ context: BasicRequestContext, form: Form.Type) async throws
        -> (Reviewer, WebSession, Form)
    {
        guard let (person, session) = try await signedIn(request) else { throw HTTPError(.unauthorized) }
        let form = try await URLEncodedFormDecoder().decode(Form.self, from: request, context: context)
        guard Credentials.same(form.csrf, session.csrfToken) else {
            throw HTTPError(.forbidden, message: "the form's security token is missing or stale: reload the page")
        }
        return (person, session, form)
    }

    func loginForm(_ request: Request, error: String?) async throws -> Response {
        if try await signedIn(request) != nil { return Self.redirect("/queue") }
        let token = Credentials.newToken()
        var response = Self.html(
            ReviewPages.login(csrf: token, error: error, text: UIText.of(request)),
            status: error == nil ? .ok : .unauthorized)
        response.setCookie(
            Cookie(name: Self.loginCookie, value: token, path: "/login", secure: secureCookies, sameSite: .strict))
        return response
    }

    func login(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let form = try await URLEncodedFormDecoder().decode(LoginForm.self, from: request, context: context)
        guard let expected = request.cookies[Self.loginCookie]?.value, Credentials.same(form.csrf, expected) else {
            throw HTTPError(.forbidden, message: "the sign-in form's security token is missing: reload the page")
        }
        guard let hash = try await store.passwordHash(for: form.name),
            Credentials.verify(password: form.password, hash: hash)
        else { return try await loginForm(request, error: UIText.of(request).wrongPassword) }
        let token = Credentials.newToken()
        try await store.createSession(
            WebSession(
                tokenHash: Credentials.digest(token), userName: form.name, csrfToken: Credentials.newToken(),
                expiresAt: Date().addingTimeInterval(sessionLifetime)))
        var response = Self.redirect("/queue")
        response.setCookie(
            Cookie(
                name: Self.sessionCookie, value: token, maxAge: Int(sessionLifetime), path: "/", secure: secureCookies,
                sameSite: .strict))
        return response
    }

    func logout(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let (_, session, _) = try await signedIn(request, context, form: PlainForm.self)
        try await store.deleteSession(tokenHash: session.tokenHash)
        var response = Self.redirect("/login")
        response.setCookie(Cookie(name: Self.sessionCookie, value: "", maxAge: 0, path: "/", sameSite: .strict))
        return response
    }

    // MARK: - Pages

    func queue(_ request: Request) async throws -> Response {
        guard let (person, session) = try await signedIn(request) else { return Self.redirect("/login") }
        let filter = QueueFilter(request.uri.queryParameters)
        let rows = try await store.list(filter.query)
        let counts = try await countsCache.counts(from: store)
        return Self.html(
            ReviewPages.queue(
                rows, counts: counts, filter: filter, user: person.name, csrf: session.csrfToken,
                text: UIText.of(request)))
    }

    func document(_ request: Request, _ context: BasicRequestContext, notice: String?) async throws -> Response {
        guard let (person, session) = try await signedIn(request) else { return Self.redirect("/login") }
        let id = try Self.id(context)
        guard let document = try await store.document(id: id) else { throw HTTPError(.notFound) }
        return Self.html(
            ReviewPages.document(
                document, user: person.name, csrf: session.csrfToken, notice: notice, text: UIText.of(request),
                pageNumber: request.uri.queryParameters["page"].flatMap { Int($0) } ?? 1))
    }

    func image(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        guard try await signedIn(request) != nil else { throw HTTPError(.unauthorized) }
        let id = try Self.id(context)
        guard let number = context.parameters.get("page", as: Int.self),
            let document = try await store.document(id: id),
            let page = document.pages.first(where: { $0.number == number }), let name = page.imageSHA256
        else { throw HTTPError(.notFound) }
        let bytes = try await archived(name)
        return Response(
            status: .ok, headers: [.contentType: "image/jpeg"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    func setField(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let (person, _, form) = try await signedIn(request, context, form: FieldForm.self)
        let id = try Self.id(context)
        guard let current = try await store.document(id: id) else { throw HTTPError(.notFound) }
        guard current.version == form.version else {
            return try await document(
                request, context, notice: Self.conflict(current, since: form.version, text: UIText.of(request)))
        }
        do {
            let path = try FieldPath(parsing: form.field)
            let correction = try await desk.set(path, to: form.value, document: id, by: person.name)
            let failing = correction.checks.filter { !$0.passed }.map { $0.message ?? $0.rule }
            let text = UIText.of(request)
            let notice =
                failing.isEmpty
                ? "\(text.saved): \(path)" : "\(text.savedChecksFail) " + failing.joined(separator: "; ")
            return try await document(request, context, notice: notice)
        } catch let error as ValueError {
            return try await document(request, context, notice: error.description)
        } catch let error as LedgerError {
            return try await document(request, context, notice: error.description)
        }
    }

    func decide(_ request: Request, _ context: BasicRequestContext, accept: Bool) async throws -> Response {
        let (person, _, form) = try await signedIn(request, context, form: DecisionForm.self)
        let id = try Self.id(context)
        do {
            if accept {
                let document = try await desk.approve(
                    document: id, by: person.name, override: form.reason?.isEmpty == false ? form.reason : nil)
                if document.state == .accepted { return Self.redirect("/queue") }
                return try await self.document(request, context, notice: document.reasons.last)
            }
            _ = try await desk.reject(document: id, by: person.name, reason: form.reason ?? "")
            return Self.redirect("/queue")
        } catch let error as ReviewRefusal {
            return try await document(request, context, notice: error.description)
        } catch let error as LedgerError {
            return try await document(request, context, notice: error.description)
        }
    }

    // MARK: - Administration

    /// The signed-in admin, or 403 for anyone else.
    func admin(_ person: Reviewer) throws {
        guard person.role == .admin else {
            throw HTTPError(.forbidden, message: "\(person.name) is a \(person.role.rawValue): only admins may do this")
        }
    }

    func rulePage(_ request: Request, notice: String?) async throws -> Response {
        guard let (person, session) = try await signedIn(request) else { return Self.redirect("/login") }
        try admin(person)
        let rule = try await store.approvalRule()
        return Self.html(
            ReviewPages.rule(rule, user: person.name, csrf: session.csrfToken, notice: notice, text: UIText.of(request))
        )
    }

    func setRule(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let (person, _, form) = try await signedIn(request, context, form: RuleForm.self)
        try admin(person)
        let text = form.secondApprovalAbove?.trimmingCharacters(in: .whitespaces) ?? ""
        guard text.isEmpty || Money.parse(text) != nil else {
            return try await rulePage(request, notice: "\(text): not an amount")
        }
        try await store.setApprovalRule(ApprovalRule(secondApprovalAbove: text.isEmpty ? nil : Money.parse(text)))
        return try await rulePage(request, notice: UIText.of(request).saved)
    }

    // MARK: - Helpers

    /// The `:id` parameter as a document number; anything else (`../x`, words) is a bad request.
    static func id(_ context: BasicRequestContext) throws -> Int64 {
        guard let id = context.parameters.get("id", as: Int64.self), id > 0 else {
            throw HTTPError(.badRequest, message: "a document number is expected")
        }
        return id
    }

    static func conflict(_ current: StoredDocument, since version: Int, text: UIText) -> String {
        "\(text.conflict) #\(current.id) (v\(version) → v\(current.version)): their values are shown below — check them and save again"
    }

    static func html(_ body: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }

    static func redirect(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }
}

/// A form that carries the CSRF token.
protocol CSRFForm: Decodable {
    var csrf: String { get }
}

struct PlainForm: CSRFForm {
    var csrf: String
}

struct LoginForm: Decodable {
    var name: String
    var password: String
    var csrf: String
}

struct FieldForm: CSRFForm {
    var csrf: String
    var field: String
    var value: String
    var version: Int
}

struct RuleForm: CSRFForm {
    var csrf: String
    var secondApprovalAbove: String?
}

struct DecisionForm: CSRFForm {
    var csrf: String
    var reason: String?
}
