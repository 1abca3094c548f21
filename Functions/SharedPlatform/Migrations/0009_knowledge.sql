-- Knowledge base and helpdesk sessions (issue 7, SPEC §3).
--
-- A document with tenant_id NULL is GLOBAL knowledge: managed by platform admins (Database.asPlatform) and readable
-- by every tenant. Tenants read their own rows and the global ones, and write only their own (RLS below).

CREATE TABLE knowledge_documents (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id       text REFERENCES tenants (tenant_id) ON DELETE CASCADE,
    title           text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
    filename        text NOT NULL CHECK (length(filename) BETWEEN 1 AND 255),
    content_type    text NOT NULL,
    format          text NOT NULL CHECK (format IN ('txt', 'md', 'html', 'pdf', 'docx')),
    byte_size       bigint NOT NULL CHECK (byte_size >= 0),
    sha256          text NOT NULL,
    category        text CHECK (length(category) <= 60),
    tags            text[] NOT NULL DEFAULT '{}',
    -- private: staff only (ask, agent); public: also the customer-facing widget.
    visibility      text NOT NULL DEFAULT 'private' CHECK (visibility IN ('private', 'public')),
    -- The text-search configuration the chunks are indexed with ('english', 'french', 'simple', ...).
    language        regconfig NOT NULL DEFAULT 'english',
    status          text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'processing', 'indexed', 'error')),
    error_message   text,
    chunk_count     integer NOT NULL DEFAULT 0,
    uploaded_by     uuid,
    -- Where the original bytes are: 'database' (knowledge_files) or 'directory' (KNOWLEDGE_DIR/<storage_path>).
    storage         text NOT NULL DEFAULT 'database' CHECK (storage IN ('database', 'directory')),
    storage_path    text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    indexed_at      timestamptz
);
CREATE INDEX knowledge_documents_tenant_idx ON knowledge_documents (tenant_id, created_at DESC);

CREATE TABLE knowledge_files (
    document_id     uuid PRIMARY KEY REFERENCES knowledge_documents (id) ON DELETE CASCADE,
    tenant_id       text REFERENCES tenants (tenant_id) ON DELETE CASCADE,
    content         bytea NOT NULL
);

CREATE TABLE knowledge_chunks (
    document_id     uuid NOT NULL REFERENCES knowledge_documents (id) ON DELETE CASCADE,
    position        integer NOT NULL CHECK (position >= 0),
    tenant_id       text REFERENCES tenants (tenant_id) ON DELETE CASCADE,
    -- Copied from the document so retrieval filters without a join (kept in step by the indexing job).
    visibility      text NOT NULL CHECK (visibility IN ('private', 'public')),
    language        regconfig NOT NULL DEFAULT 'english',
    heading         text NOT NULL DEFAULT '',
    content         text NOT NULL,
    word_count      integer NOT NULL,
    tsv             tsvector GENERATED ALWAYS AS (
                        setweight(to_tsvector(language, heading), 'A') || setweight(to_tsvector(language, content), 'B')
                    ) STORED,
    -- The chunk's embedding when an embedding provider is configured (no pgvector on Debian 12: re-ranked in process).
    embedding       real[],
    PRIMARY KEY (document_id, position)
);
CREATE INDEX knowledge_chunks_tsv_idx ON knowledge_chunks USING gin (tsv);
CREATE INDEX knowledge_chunks_tenant_idx ON knowledge_chunks (tenant_id);

-- One conversation per row, owned by one user of one tenant (never shared: SPEC §3).
CREATE TABLE helpdesk_sessions (
    tenant_id       text NOT NULL REFERENCES tenants (tenant_id) ON DELETE CASCADE,
    id              uuid NOT NULL DEFAULT gen_random_uuid(),
    user_id         uuid NOT NULL,
    kind            text NOT NULL DEFAULT 'ask' CHECK (kind IN ('ask', 'agent')),
    title           text NOT NULL DEFAULT '' CHECK (length(title) <= 200),
    -- OpenAI-style messages, oldest first: [{"role", "content", "tool_calls"?, "tool_call_id"?, "at"}].
    messages        jsonb NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(messages) = 'array'),
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX helpdesk_sessions_user_idx ON helpdesk_sessions (tenant_id, user_id, updated_at DESC);

-- Knowledge: read own + global, write own only.
DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['knowledge_documents', 'knowledge_files', 'knowledge_chunks'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format($p$CREATE POLICY read_own_and_global ON %I FOR SELECT
                          USING (tenant_id = current_setting('app.tenant_id', true) OR tenant_id IS NULL)$p$, t);
        EXECUTE format($p$CREATE POLICY write_own_insert ON %I FOR INSERT
                          WITH CHECK (tenant_id = current_setting('app.tenant_id', true))$p$, t);
        EXECUTE format($p$CREATE POLICY write_own_update ON %I FOR UPDATE
                          USING (tenant_id = current_setting('app.tenant_id', true))
                          WITH CHECK (tenant_id = current_setting('app.tenant_id', true))$p$, t);
        EXECUTE format($p$CREATE POLICY write_own_delete ON %I FOR DELETE
                          USING (tenant_id = current_setting('app.tenant_id', true))$p$, t);
    END LOOP;
END $$;

ALTER TABLE helpdesk_sessions ENABLE ROW LEVEL SECURITY;
ALTER TABLE helpdesk_sessions FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON helpdesk_sessions
    USING (tenant_id = current_setting('app.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('app.tenant_id', true));

GRANT SELECT, INSERT, UPDATE, DELETE ON knowledge_documents, knowledge_files, knowledge_chunks, helpdesk_sessions
    TO travel_app, travel_platform;
