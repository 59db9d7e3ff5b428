public import Foundation

/// Passwords and web sessions of the people who review documents.
///
/// - Important: only hashes are stored: a bcrypt hash of each password and a SHA-256 of each session token.
public protocol AccountStore: Sendable {
    /// Sets the bcrypt hash of `name`'s password.
    ///
    /// - Throws: `LedgerError.unknownReviewer` when nobody has that name.
    func setPasswordHash(_ hash: String, for name: String) async throws

    /// The bcrypt hash of `name`'s password, or `nil` (no such person, or no password set).
    func passwordHash(for name: String) async throws -> String?

    /// Stores a new session.
    func createSession(_ session: WebSession) async throws

    /// The unexpired session whose token hashes to `tokenHash`, or `nil`.
    func session(tokenHash: String, at now: Date) async throws -> WebSession?

    /// Ends a session.
    func deleteSession(tokenHash: String) async throws

    /// Stores the hash of a new API token for `name`.
    func createAPIToken(hash: String, for name: String, label: String) async throws

    /// The person an API token (by its hash) belongs to, or `nil`.
    func apiTokenOwner(hash: String) async throws -> String?
}

/// A signed-in browser: who, the token that proves it (hashed), and the CSRF token its forms carry.
public struct WebSession: Sendable, Hashable {
    /// SHA-256 (hex) of the session cookie's value.
    public var tokenHash: String
    /// The reviewer.
    public var userName: String
    /// The token every state-changing request must carry.
    public var csrfToken: String
    /// When the session ends.
    public var expiresAt: Date

    /// Creates a session.
    public init(tokenHash: String, userName: String, csrfToken: String, expiresAt: Date) {
        self.tokenHash = tokenHash
        self.userName = userName
        self.csrfToken = csrfToken
        self.expiresAt = expiresAt
    }
}
