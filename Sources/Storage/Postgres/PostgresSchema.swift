/// The PostgreSQL ledger's schema: the SQLite migrations' meaning in PostgreSQL's types, plus what only a
/// shared server needs (the archive's bytes and the work queue).
///
/// Migrations run in order, each once, recorded in `schema_migrations`, inside one transaction that holds an
/// advisory lock, so nodes starting together take turns. Never edit one after release; add the next.
enum PostgresSchema {
    /// Names and SQL of every migration, in order. The first three mirror `LedgerSchema`'s.
    static let migrations: [(name: String, sql: String)] = [
        ("v1-ledger", ledger), ("v2-accounts", accounts), ("v3-api-tokens", apiTokens), ("v4-queue", queue),
    ]

    /// The key of the advisory lock held while migrating.
    static let migrationLock = 8_350_001

    static let ledger = """
        CREATE TABLE documents (
          id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
          sha256 TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
          file_name TEXT NOT NULL,
          state TEXT NOT NULL CHECK (state IN ('needs_review', 'accepted', 'rejected')),
          document_type TEXT,
          invoice_kind TEXT,
          business_key TEXT,
          duplicate_of BIGINT REFERENCES documents(id),
          credit_of BIGINT REFERENCES documents(id),
          qr_payload TEXT,
          rounding TEXT,
          version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
          created_at TIMESTAMPTZ NOT NULL,
          updated_at TIMESTAMPTZ NOT NULL
        );
        CREATE INDEX documents_business_key ON documents(business_key);
        CREATE INDEX documents_state ON documents(state, id);

        -- The archive: originals and page images by SHA-256 (SQLite keeps them in files beside the database).
        CREATE TABLE blobs (
          sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64),
          bytes BYTEA NOT NULL,
          created_at TIMESTAMPTZ NOT NULL DEFAULT now()
        );

        CREATE TABLE pages (
          document_id BIGINT NOT NULL REFERENCES documents(id),
          number INTEGER NOT NULL CHECK (number >= 1),
          width INTEGER NOT NULL CHECK (width >= 0),
          height INTEGER NOT NULL CHECK (height >= 0),
          image_sha256 TEXT REFERENCES blobs(sha256),
          PRIMARY KEY (document_id, number)
        );

        CREATE TABLE fields (
          document_id BIGINT NOT NULL REFERENCES documents(id),
          name TEXT NOT NULL,
          value TEXT NOT NULL,
          confidence DOUBLE PRECISION NOT NULL CHECK (confidence BETWEEN 0 AND 1),
          flagged BOOLEAN NOT NULL,
          source TEXT NOT NULL,
          page INTEGER,
          box_x INTEGER, box_y INTEGER, box_width INTEGER, box_height INTEGER,
          PRIMARY KEY (document_id, name)
        );

        CREATE TABLE line_items (
          document_id BIGINT NOT NULL REFERENCES documents(id),
          line INTEGER NOT NULL CHECK (line >= 1),
          name TEXT NOT NULL,
          value TEXT NOT NULL,
          confidence DOUBLE PRECISION NOT NULL CHECK (confidence BETWEEN 0 AND 1),
          flagged BOOLEAN NOT NULL,
          source TEXT NOT NULL,
          page INTEGER,
          box_x INTEGER, box_y INTEGER, box_width INTEGER, box_height INTEGER,
          PRIMARY KEY (document_id, line, name)
        );

        CREATE TABLE checks (
          document_id BIGINT NOT NULL REFERENCES documents(id),
          position INTEGER NOT NULL,
          rule TEXT NOT NULL,
          passed BOOLEAN NOT NULL,
          fields TEXT NOT NULL,
          message TEXT,
          PRIMARY KEY (document_id, position)
        );

        CREATE TABLE review_tasks (
          document_id BIGINT NOT NULL REFERENCES documents(id),
          position INTEGER NOT NULL,
          reason TEXT NOT NULL,
          PRIMARY KEY (document_id, position)
        );

        CREATE TABLE users (
          name TEXT PRIMARY KEY CHECK (length(name) > 0),
          role TEXT NOT NULL CHECK (role IN ('reviewer', 'approver', 'admin')),
          created_at TIMESTAMPTZ NOT NULL
        );

        CREATE TABLE audit_events (
          id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
          document_id BIGINT NOT NULL REFERENCES documents(id),
          at TIMESTAMPTZ NOT NULL,
          actor TEXT NOT NULL,
          action TEXT NOT NULL
            CHECK (action IN ('ingested', 'field_changed', 'approved', 'accepted', 'rejected')),
          field TEXT,
          old_value TEXT,
          new_value TEXT,
          reason TEXT
        );
        CREATE INDEX audit_events_document ON audit_events(document_id, id);
        CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN RAISE EXCEPTION 'audit events are append-only'; END $$;
        CREATE TRIGGER audit_events_no_change BEFORE UPDATE OR DELETE ON audit_events
          FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
        CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
          FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();

        CREATE TABLE settings (
          key TEXT PRIMARY KEY,
          value TEXT NOT NULL
        );
        """

    static let accounts = """
        ALTER TABLE users ADD COLUMN password_hash TEXT;
        CREATE TABLE sessions (
          token_hash TEXT PRIMARY KEY CHECK (length(token_hash) = 64),
          user_name TEXT NOT NULL REFERENCES users(name),
          csrf_token TEXT NOT NULL CHECK (length(csrf_token) >= 32),
          created_at TIMESTAMPTZ NOT NULL,
          expires_at TIMESTAMPTZ NOT NULL
        );
        """

    static let apiTokens = """
        CREATE TABLE api_tokens (
          token_hash TEXT PRIMARY KEY CHECK (length(token_hash) = 64),
          user_name TEXT NOT NULL REFERENCES users(name),
          label TEXT NOT NULL,
          created_at TIMESTAMPTZ NOT NULL
        );
        """

    /// The work queue: one job per received file (by SHA-256), claimed with `FOR UPDATE SKIP LOCKED` and held
    /// by a lease its worker renews (heartbeat); a job whose lease ran out is taken by another worker.
    static let queue = """
        CREATE TABLE jobs (
          id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
          sha256 TEXT NOT NULL UNIQUE REFERENCES blobs(sha256),
          file_name TEXT NOT NULL,
          source TEXT NOT NULL,
          state TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'done', 'failed')),
          attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
          lease_owner TEXT,
          lease_until TIMESTAMPTZ,
          finished_by TEXT,
          document_id BIGINT REFERENCES documents(id),
          outcome TEXT,
          error_code TEXT,
          error_message TEXT,
          created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
          started_at TIMESTAMPTZ,
          finished_at TIMESTAMPTZ,
          CHECK (state <> 'running' OR (lease_owner IS NOT NULL AND lease_until IS NOT NULL))
        );
        CREATE INDEX jobs_waiting ON jobs(id) WHERE state IN ('queued', 'running');
        """
}
