-- Inbound email (issue 6): every post from SendGrid Inbound Parse is stored whole before the webhook answers, so
-- nothing is lost (SPEC §1: store, then acknowledge). A message belongs to no tenant until the worker routes it,
-- so this is platform state (no tenant_id column, no RLS): only the webhook, the worker and platform admins reach
-- it, through Database.asPlatform. `routed_tenant` records where the worker sent it.

CREATE TABLE inbound_messages (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    -- 'mid:<message-id>' when the mail has a Message-ID, else 'sha256:<hash of the post>': a re-delivery of the
    -- same message is acknowledged and not stored or processed twice.
    dedupe_key      text NOT NULL UNIQUE,
    form            text NOT NULL CHECK (form IN ('parsed', 'raw')),
    -- The tenant named in the webhook URL (/webhooks/email/inbound/{tenant_id}), a routing hint only.
    url_tenant      text,
    -- Every text field of the post as sent (headers, from, to, subject, text, html, envelope, charsets, email …).
    fields          jsonb NOT NULL CHECK (jsonb_typeof(fields) = 'object'),
    message_id      text,
    body_bytes      bigint NOT NULL,
    status          text NOT NULL DEFAULT 'received'
                    CHECK (status IN ('received', 'processing', 'processed', 'unroutable', 'ignored', 'dead')),
    routed_tenant   text REFERENCES tenants (tenant_id) ON DELETE SET NULL,
    last_error      text,
    job_id          bigint,
    received_at     timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX inbound_messages_status_idx ON inbound_messages (status, received_at);

CREATE TABLE inbound_attachments (
    message_id      uuid NOT NULL REFERENCES inbound_messages (id) ON DELETE CASCADE,
    position        integer NOT NULL CHECK (position >= 0),
    field           text NOT NULL,            -- the form field it came in (attachment1 …)
    filename        text NOT NULL,
    content_type    text NOT NULL,
    content         bytea NOT NULL,
    PRIMARY KEY (message_id, position)
);

REVOKE ALL ON inbound_messages, inbound_attachments FROM travel_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON inbound_messages, inbound_attachments TO travel_platform;
