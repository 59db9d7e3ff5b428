import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import InvoiceModel
import ReviewWeb
import Storage
import TestSupport
import Testing

/// The review UI's routes on a real SQLite ledger, without sockets: sign-in, access checks, CSRF, path
/// parameters, corrections and version conflicts.
struct ReviewRoutesTests {
    /// An app over a ledger holding one flagged document (#1), with alice (reviewer, password "s3cret").
    private func app() async throws -> (some ApplicationProtocol, SQLiteStore) {
        let store = try LedgerFixtures.ledger()
        try await store.saveReviewer(Reviewer(name: "alice", role: .reviewer))
        try await store.setPasswordHash(Credentials.hash(password: "s3cret", cost: 4), for: "alice")
        _ = try await store.store(
            try LedgerFixtures.document("fapiao/clean/tc-001.png", flagged: [.drawer: "某"]), actor: "pipeline")
        let controller = ReviewController(
            store: store, desk: ReviewDesk(store: store, today: { "2026-11-23" }),
            archived: { try store.archive.get($0) })
        let router = Router()
        controller.addRoutes(to: router)
        return (Application(router: router), store)
    }

    /// The value of `name="csrf"` in a page.
    private func csrf(_ body: ByteBuffer) throws -> String {
        let html = String(buffer: body)
        let match = try #require(
            html.firstMatch(of: /name="csrf" value="([^"]+)"/), "no CSRF field in \(html.prefix(300))")
        return String(match.1)
    }

    private func form(_ fields: [(String, String)]) -> ByteBuffer {
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
        let text = fields.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")" }
            .joined(separator: "&")
        return ByteBuffer(string: text)
    }

    private let formType: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]

    /// Signs alice in and returns her session cookie and the CSRF token of her pages.
    private func signIn(_ client: some TestClientProtocol, password: String = "s3cret") async throws -> (
        cookie: String, csrf: String
    )? {
        let page = try await client.execute(uri: "/login", method: .get)
        let loginCookie = try #require(page.headers[.setCookie]?.split(separator: ";").first.map(String.init))
        var headers = formType
        headers[.cookie] = loginCookie
        let response = try await client.execute(
            uri: "/login", method: .post, headers: headers,
            body: form([("name", "alice"), ("password", password), ("csrf", try csrf(page.body))]))
        guard response.status == .seeOther, let session = response.headers[.setCookie]?.split(separator: ";").first
        else { return nil }
        let queue = try await client.execute(uri: "/queue", method: .get, headers: [.cookie: String(session)])
        return (String(session), try csrf(queue.body))
    }

    @Test func givenNoSession_whenAnyPageIsAsked_thenSignInIsRequired() async throws {
        let (app, _) = try await app()
        try await app.test(.router) { client in
            for uri in ["/queue", "/documents/1"] {
                let response = try await client.execute(uri: uri, method: .get)
                #expect(response.status == .seeOther && response.headers[.location] == "/login", "\(uri)")
            }
            #expect(try await client.execute(uri: "/documents/1/pages/1/image", method: .get).status == .unauthorized)
            let post = try await client.execute(
                uri: "/documents/1/fields", method: .post, headers: formType,
                body: form([("csrf", "x"), ("field", "drawer"), ("value", "x"), ("version", "1")]))
            #expect(post.status == .unauthorized)
        }
    }

    @Test func givenPasswords_whenSigningIn_thenOnlyTheRightOneOpensTheQueueWithSecurityHeaders() async throws {
        let (app, _) = try await app()
        try await app.test(.router) { client in
            #expect(try await signIn(client, password: "wrong") == nil)
            let (cookie, _) = try #require(try await signIn(client))
            let queue = try await client.execute(uri: "/queue", method: .get, headers: [.cookie: cookie])
            #expect(queue.status == .ok)
            #expect(String(buffer: queue.body).contains("href=\"/documents/1\""))
            #expect(queue.headers[.contentSecurityPolicy]?.contains("frame-ancestors 'none'") == true)
            #expect(queue.headers[.xContentTypeOptions] == "nosniff")
            #expect(queue.headers[HTTPField.Name("X-Frame-Options")!] == "DENY")
            // The sign-in form itself needs its token.
            let forged = try await client.execute(
                uri: "/login", method: .post, headers: formType,
                body: form([("name", "alice"), ("password", "s3cret"), ("csrf", "forged")]))
            #expect(forged.status == .forbidden)
        }
    }

    @Test func givenSession_whenAFormComesWithoutItsToken_thenRefusedAndNothingChanges() async throws {
        let (app, store) = try await app()
        try await app.test(.router) { client in
            let (cookie, token) = try #require(try await signIn(client))
            var headers = formType
            headers[.cookie] = cookie
            for bad in ["", "not-the-token"] {
                let response = try await client.execute(
                    uri: "/documents/1/fields", method: .post, headers: headers,
                    body: form([("csrf", bad), ("field", "drawer"), ("value", "张三"), ("version", "1")]))
                #expect(response.status == .forbidden)
            }
            #expect(try await store.document(id: 1)?.value(.drawer) == "某")

            let saved = try await client.execute(
                uri: "/documents/1/fields", method: .post, headers: headers,
                body: form([("csrf", token), ("field", "drawer"), ("value", "张三"), ("version", "1")]))
            #expect(saved.status == .ok)
            #expect(String(buffer: saved.body).contains("Saved: drawer"))
            #expect(try await store.document(id: 1)?.value(.drawer) == "张三")
            let last = try #require(try await store.auditTrail(documentID: 1).last)
            #expect(last.actor == "alice" && last.field == "drawer" && last.newValue == "张三")

            // A second save from the page as it was (version 1) is a conflict, not an overwrite.
            let stale = try await client.execute(
                uri: "/documents/1/fields", method: .post, headers: headers,
                body: form([("csrf", token), ("field", "drawer"), ("value", "李四"), ("version", "1")]))
            #expect(String(buffer: stale.body).contains("Conflict"))
            #expect(try await store.document(id: 1)?.value(.drawer) == "张三")
        }
    }

    @Test func givenSession_whenPathParametersAreNotNumbers_thenRefused() async throws {
        let (app, _) = try await app()
        try await app.test(.router) { client in
            let (cookie, _) = try #require(try await signIn(client))
            for uri in [
                "/documents/..%2F..%2Fetc%2Fpasswd", "/documents/../../etc/passwd", "/documents/1/pages/..%2F/image",
                "/documents/-1", "/documents/1/pages/2/image", "/documents/99",
            ] {
                let response = try await client.execute(uri: uri, method: .get, headers: [.cookie: cookie])
                #expect([.badRequest, .notFound].contains(response.status), "\(uri): \(response.status)")
            }
            let image = try await client.execute(
                uri: "/documents/1/pages/1/image", method: .get, headers: [.cookie: cookie])
            #expect(image.status == .ok && image.headers[.contentType] == "image/jpeg")
        }
    }

    @Test func givenTwoDocuments_whenTheQueueIsFiltered_thenOnlyTheMatchingOnesAreListed() async throws {
        let (app, store) = try await app()
        let other = try LedgerFixtures.document("fapiao/clean/tc-002.png", flagged: [.drawer: "某"])
        _ = try await store.store(other, actor: "pipeline")
        let seller = try #require(other.document.fields[.sellerName]?.value)
        let issued = try #require(other.document.fields[.issueDate]?.value)
        try await app.test(.router) { client in
            let (cookie, _) = try #require(try await signIn(client))
            func listed(_ query: String) async throws -> [Bool] {
                let page = try await client.execute(uri: "/queue" + query, method: .get, headers: [.cookie: cookie])
                let html = String(buffer: page.body)
                return [html.contains("href=\"/documents/1\""), html.contains("href=\"/documents/2\"")]
            }
            let allowed = CharacterSet.alphanumerics
            let encoded = seller.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
            #expect(try await listed("") == [true, true])
            #expect(try await listed("?seller=\(encoded)") == [false, true])
            #expect(try await listed("?from=\(issued)&to=\(issued)").last == true)
            #expect(try await listed("?from=2099-01-01") == [false, false])
            #expect(try await listed("?state=accepted") == [false, false])
            #expect(try await listed("?state=bogus&from=yesterday") == [true, true], "bad values are ignored")
            #expect(try await listed("?duplicates=1") == [false, false])
        }
    }

    @Test func givenBrowserLanguageOrChoice_whenAPageIsShown_thenItIsInThatLanguage() async throws {
        let (app, store) = try await app()
        try await app.test(.router) { client in
            let (cookie, _) = try #require(try await signIn(client))
            func page(_ headers: HTTPFields) async throws -> String {
                var all = headers
                all[.cookie] = [cookie, headers[.cookie]].compactMap { $0 }.joined(separator: "; ")
                return String(buffer: try await client.execute(uri: "/queue", method: .get, headers: all).body)
            }
            let chinese = try await page([.acceptLanguage: "zh-CN,zh;q=0.9,en;q=0.8"])
            #expect(chinese.contains("<html lang=\"zh-CN\">") && chinese.contains("复核队列"))
            let english = try await page([.acceptLanguage: "en-GB,en;q=0.9"])
            #expect(english.contains("<html lang=\"en\">") && english.contains("Review queue"))
            #expect(try await page([.acceptLanguage: "zh-CN", .cookie: "lang=en"]).contains("Review queue"))
            // A failed check is named in words in Chinese, beside the rule's name.
            let desk = ReviewDesk(store: store, today: { "2026-11-23" })
            let taxID = try #require(try await store.document(id: 1)?.value(.sellerTaxID))
            let wrong = String(taxID.dropLast()) + (taxID.last == "0" ? "1" : "0")
            _ = try await desk.set(.document(.sellerTaxID), to: wrong, document: 1, by: "alice")
            let document = String(
                buffer: try await client.execute(
                    uri: "/documents/1?page=7", method: .get,
                    headers: [.cookie: cookie, .acceptLanguage: "zh-CN"]
                ).body)
            #expect(document.contains("销售方税号校验位不符 / seller-tax-id-checksum"))
            #expect(document.contains("/documents/1/pages/1/image"), "a page the document lacks shows its first")
            let switched = try await client.execute(uri: "/lang/zh", method: .get)
            #expect(switched.headers[.setCookie]?.hasPrefix("lang=zh") == true)
        }
    }

    @Test func givenReviewerAndAdmin_whenTheApprovalRuleIsChanged_thenOnlyTheAdminMayDoIt() async throws {
        let (app, store) = try await app()
        try await store.saveReviewer(Reviewer(name: "root", role: .admin))
        try await store.setPasswordHash(Credentials.hash(password: "adm1n-pass", cost: 4), for: "root")
        try await app.test(.router) { client in
            let (cookie, token) = try #require(try await signIn(client))
            #expect(
                try await client.execute(uri: "/admin/rule", method: .get, headers: [.cookie: cookie]).status
                    == .forbidden)
            var headers = formType
            headers[.cookie] = cookie
            let refused = try await client.execute(
                uri: "/admin/rule", method: .post, headers: headers,
                body: form([("csrf", token), ("secondApprovalAbove", "10")]))
            #expect(refused.status == .forbidden)
            #expect(try await store.approvalRule().secondApprovalAbove == nil)

            let page = try await client.execute(uri: "/login", method: .get)
            var login = formType
            login[.cookie] = try #require(page.headers[.setCookie]?.split(separator: ";").first.map(String.init))
            let signedIn = try await client.execute(
                uri: "/login", method: .post, headers: login,
                body: form([("name", "root"), ("password", "adm1n-pass"), ("csrf", try csrf(page.body))]))
            let admin = try #require(signedIn.headers[.setCookie]?.split(separator: ";").first.map(String.init))
            let rulePage = try await client.execute(uri: "/admin/rule", method: .get, headers: [.cookie: admin])
            #expect(rulePage.status == .ok)
            headers[.cookie] = admin
            let saved = try await client.execute(
                uri: "/admin/rule", method: .post, headers: headers,
                body: form([("csrf", try csrf(rulePage.body)), ("secondApprovalAbove", "10000")]))
            #expect(saved.status == .ok)
            #expect(try await store.approvalRule().secondApprovalAbove == 10000)
        }
    }

    @Test func givenSession_whenSignedOut_thenTheCookieNoLongerWorks() async throws {
        let (app, _) = try await app()
        try await app.test(.router) { client in
            let (cookie, token) = try #require(try await signIn(client))
            var headers = formType
            headers[.cookie] = cookie
            let out = try await client.execute(
                uri: "/logout", method: .post, headers: headers, body: form([("csrf", token)]))
            #expect(out.status == .seeOther)
            let queue = try await client.execute(uri: "/queue", method: .get, headers: [.cookie: cookie])
            #expect(queue.status == .seeOther)
        }
    }
}
