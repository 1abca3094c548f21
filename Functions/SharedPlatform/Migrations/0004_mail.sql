-- Mail (issue 4): everything a transport needs lives in the outbox row, so the worker can deliver (or redeliver
-- after a crash) from the database alone. Attachments are bytea in their own table: the outbox API lists rows
-- without ever reading them.

ALTER TABLE outbox
    ADD COLUMN origin          text NOT NULL DEFAULT 'tenant' CHECK (origin IN ('tenant', 'platform')),
    ADD COLUMN to_list         jsonb NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(to_list) = 'array'),
    ADD COLUMN cc_list         jsonb NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(cc_list) = 'array'),
    ADD COLUMN from_name       text,
    ADD COLUMN reply_to_name   text,
    ADD COLUMN sensitive       boolean NOT NULL DEFAULT false,
    ADD COLUMN attachment_count integer NOT NULL DEFAULT 0,
    ADD COLUMN attachment_bytes bigint NOT NULL DEFAULT 0,
    ADD COLUMN job_id          bigint,
    -- Every status change: [{"status","at","attempt","transport"?,"error"?,"provider_message_id"?}].
    ADD COLUMN history         jsonb NOT NULL DEFAULT '[]'::jsonb,
    ADD COLUMN updated_at      timestamptz NOT NULL DEFAULT now();

-- Rows written before this migration: their single address becomes the recipient list.
UPDATE outbox SET to_list = jsonb_build_array(jsonb_build_object('email', to_address)) WHERE to_list = '[]'::jsonb;

-- 'stored': no transport is configured, the mail is kept here (DESIGN §4) and shown by the outbox API.
ALTER TABLE outbox DROP CONSTRAINT outbox_status_check;
ALTER TABLE outbox ADD CONSTRAINT outbox_status_check
    CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'stored'));

CREATE INDEX outbox_status_idx ON outbox (status, created_at);

CREATE TABLE outbox_attachments (
    tenant_id       text REFERENCES tenants (tenant_id) ON DELETE CASCADE,
    outbox_id       bigint NOT NULL REFERENCES outbox (id) ON DELETE CASCADE,
    position        integer NOT NULL CHECK (position >= 0),
    filename        text NOT NULL CHECK (length(filename) BETWEEN 1 AND 255),
    content_type    text NOT NULL,
    disposition     text NOT NULL DEFAULT 'attachment' CHECK (disposition IN ('attachment', 'inline')),
    content_id      text,
    content         bytea NOT NULL,
    PRIMARY KEY (outbox_id, position)
);

ALTER TABLE outbox_attachments ENABLE ROW LEVEL SECURITY;
ALTER TABLE outbox_attachments FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON outbox_attachments
    USING (tenant_id = current_setting('app.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('app.tenant_id', true));

GRANT SELECT, INSERT, UPDATE, DELETE ON outbox_attachments TO travel_app, travel_platform;
