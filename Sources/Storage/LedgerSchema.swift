import GRDB

/// The ledger's schema: migrations registered once, in order, and never edited after release.
///
/// Constraints live in the schema: states, roles and actions are checked, every child row names its
/// document, and audit events can be neither updated nor deleted (triggers refuse it).
enum LedgerSchema {
    /// The migrator holding every migration.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-ledger", migrate: createLedger)
        migrator.registerMigration("v2-accounts", migrate: addAccounts)
        migrator.registerMigration("v3-api-tokens", migrate: addAPITokens)
        return migrator
    }

    /// Passwords (bcrypt hashes) and web sessions (SHA-256 of the token, CSRF token, expiry).
    static func addAccounts(_ db: Database) throws {
        try db.execute(
            sql: """
                ALTER TABLE users ADD COLUMN password_hash TEXT;
                CREATE TABLE sessions (
                  token_hash TEXT PRIMARY KEY NOT NULL CHECK (length(token_hash) = 64),
                  user_name TEXT NOT NULL REFERENCES users(name),
                  csrf_token TEXT NOT NULL CHECK (length(csrf_token) >= 32),
                  created_at TEXT NOT NULL,
                  expires_at TEXT NOT NULL
                );
                """)
    }

    /// Tokens for scripts using the REST API (SHA-256 of each token; the token itself is shown once).
    static func addAPITokens(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE api_tokens (
                  token_hash TEXT PRIMARY KEY NOT NULL CHECK (length(token_hash) = 64),
                  user_name TEXT NOT NULL REFERENCES users(name),
                  label TEXT NOT NULL,
                  created_at TEXT NOT NULL
                );
                """)
    }

    /// Documents, pages, fields, line items, checks, review reasons, people, audit events, settings.
    static func createLedger(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE documents (
                  id INTEGER PRIMARY KEY AUTOINCREMENT,
                  sha256 TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
                  file_name TEXT NOT NULL,
                  state TEXT NOT NULL CHECK (state IN ('needs_review', 'accepted', 'rejected')),
                  document_type TEXT,
                  invoice_kind TEXT,
                  business_key TEXT,
                  duplicate_of INTEGER REFERENCES documents(id),
                  credit_of INTEGER REFERENCES documents(id),
                  qr_payload TEXT,
                  rounding TEXT,
                  version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
                  created_at TEXT NOT NULL,
                  updated_at TEXT NOT NULL
                );
                CREATE INDEX documents_business_key ON documents(business_key);
                CREATE INDEX documents_state ON documents(state, id);

                CREATE TABLE pages (
                  document_id INTEGER NOT NULL REFERENCES documents(id),
                  number INTEGER NOT NULL CHECK (number >= 1),
                  width INTEGER NOT NULL CHECK (width >= 0),
                  height INTEGER NOT NULL CHECK (height >= 0),
                  image_sha256 TEXT,
                  PRIMARY KEY (document_id, number)
                );

                CREATE TABLE fields (
                  document_id INTEGER NOT NULL REFERENCES documents(id),
                  name TEXT NOT NULL,
                  value TEXT NOT NULL,
                  confidence REAL NOT NULL CHECK (confidence BETWEEN 0 AND 1),
                  flagged BOOLEAN NOT NULL,
                  source TEXT NOT NULL,
                  page INTEGER,
                  box_x INTEGER, box_y INTEGER, box_width INTEGER, box_height INTEGER,
                  PRIMARY KEY (document_id, name)
                );

                CREATE TABLE line_items (
                  document_id INTEGER NOT NULL REFERENCES documents(id),
                  line INTEGER NOT NULL CHECK (line >= 1),
                  name TEXT NOT NULL,
                  value TEXT NOT NULL,
                  confidence REAL NOT NULL CHECK (confidence BETWEEN 0 AND 1),
                  flagged BOOLEAN NOT NULL,
                  source TEXT NOT NULL,
                  page INTEGER,
                  box_x INTEGER, box_y INTEGER, box_width INTEGER, box_height INTEGER,
                  PRIMARY KEY (document_id, line, name)
                );

                CREATE TABLE checks (
                  document_id INTEGER NOT NULL REFERENCES documents(id),
                  position INTEGER NOT NULL,
                  rule TEXT NOT NULL,
                  passed BOOLEAN NOT NULL,
                  fields TEXT NOT NULL,
                  message TEXT,
                  PRIMARY KEY (document_id, position)
                );

                CREATE TABLE review_tasks (
                  document_id INTEGER NOT NULL REFERENCES documents(id),
                  position INTEGER NOT NULL,
                  reason TEXT NOT NULL,
                  PRIMARY KEY (document_id, position)
                );

                CREATE TABLE users (
                  name TEXT PRIMARY KEY NOT NULL CHECK (length(name) > 0),
                  role TEXT NOT NULL CHECK (role IN ('reviewer', 'approver', 'admin')),
                  created_at TEXT NOT NULL
                );

                CREATE TABLE audit_events (
                  id INTEGER PRIMARY KEY AUTOINCREMENT,
                  document_id INTEGER NOT NULL REFERENCES documents(id),
                  at TEXT NOT NULL,
                  actor TEXT NOT NULL,
                  action TEXT NOT NULL
                    CHECK (action IN ('ingested', 'field_changed', 'approved', 'accepted', 'rejected')),
                  field TEXT,
                  old_value TEXT,
                  new_value TEXT,
                  reason TEXT
                );
                CREATE INDEX audit_events_document ON audit_events(document_id, id);
                CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
                  BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
                CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
                  BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;

                CREATE TABLE settings (
                  key TEXT PRIMARY KEY NOT NULL,
                  value TEXT NOT NULL
                );
                """)
    }
}
