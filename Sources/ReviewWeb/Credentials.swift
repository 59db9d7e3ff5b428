import Crypto
import Foundation
import HummingbirdBcrypt

/// Password hashing (bcrypt) and session tokens.
public enum Credentials {
    /// The bcrypt hash of `password`.
    ///
    /// - Parameter cost: bcrypt's work factor (2^cost rounds); 12 by default, lower only in tests.
    public static func hash(password: String, cost: UInt8 = 12) -> String {
        Bcrypt.hash(password, cost: cost)
    }

    /// Whether `password` matches the bcrypt `hash`.
    public static func verify(password: String, hash: String) -> Bool {
        Bcrypt.verify(password, hash: hash)
    }

    /// A new random token: 32 bytes from the system's generator, base64url without padding.
    public static func newToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// The lower-case hex SHA-256 of a token: what the store keeps instead of the token.
    public static func digest(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// Compares two tokens in time independent of where they differ.
    static func same(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
