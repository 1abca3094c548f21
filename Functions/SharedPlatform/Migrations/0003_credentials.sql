-- Per-tenant provider credentials (SendGrid subuser keys, Twilio tokens, ...), encrypted at rest (DESIGN §3).
-- `ciphertext` is a SecretBox value: 'v1:' || base64(nonce | ciphertext | tag), AES-256-GCM under SECRETS_KEY,
-- with the tenant id and 'provider/name' as associated data, so a value copied to another row fails to open.
-- The clear value never leaves the process that sends with it; no API returns it.

CREATE TABLE tenant_credentials (
    tenant_id       text NOT NULL REFERENCES tenants (tenant_id) ON DELETE CASCADE,
    provider        text NOT NULL CHECK (provider ~ '^[a-z][a-z0-9_]{0,31}$'),
    name            text NOT NULL CHECK (name ~ '^[a-z][a-z0-9_.-]{0,63}$'),
    ciphertext      text NOT NULL CHECK (ciphertext LIKE 'v1:%'),
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, provider, name)
);

ALTER TABLE tenant_credentials ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenant_credentials FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON tenant_credentials
    USING (tenant_id = current_setting('app.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('app.tenant_id', true));

GRANT SELECT, INSERT, UPDATE, DELETE ON tenant_credentials TO travel_app, travel_platform;
