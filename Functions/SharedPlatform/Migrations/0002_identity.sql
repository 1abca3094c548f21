-- Identity (issue 3): refresh-token families, password resets, invitations, durable throttles.
-- Tokens are stored only as SHA-256 hashes (hex); the clear value exists only in the response or mail.

CREATE TABLE refresh_tokens (
    tenant_id       text NOT NULL,
    id              uuid NOT NULL DEFAULT gen_random_uuid(),
    user_id         uuid NOT NULL,
    family_id       uuid NOT NULL,
    token_hash      text NOT NULL UNIQUE,
    expires_at      timestamptz NOT NULL,
    used_at         timestamptz,          -- rotated: presenting it again is reuse
    revoked_at      timestamptz,          -- logout, password change or detected reuse
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (tenant_id, family_id);

CREATE TABLE password_resets (
    tenant_id       text NOT NULL,
    id              uuid NOT NULL DEFAULT gen_random_uuid(),
    user_id         uuid NOT NULL,
    token_hash      text NOT NULL UNIQUE,
    expires_at      timestamptz NOT NULL,
    used_at         timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id) ON DELETE CASCADE
);

CREATE TABLE invitations (
    tenant_id       text NOT NULL REFERENCES tenants (tenant_id) ON DELETE CASCADE,
    id              uuid NOT NULL DEFAULT gen_random_uuid(),
    email           text NOT NULL CHECK (email = lower(email) AND email LIKE '%_@_%'),
    name            text NOT NULL DEFAULT '',
    role            text NOT NULL CHECK (role IN ('admin', 'consultant')),
    token_hash      text NOT NULL UNIQUE,
    invited_by      uuid,
    expires_at      timestamptz NOT NULL,
    accepted_at     timestamptz,
    revoked_at      timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id)
);
-- At most one open invitation per address and tenant.
CREATE UNIQUE INDEX invitations_open_idx ON invitations (tenant_id, email) WHERE accepted_at IS NULL AND revoked_at IS NULL;

-- Fixed-window counters shared by every process (login failures per IP, tenant-header mismatches, admin
-- token failures). Keys hold no secrets; no tenant_id (throttles are platform state).
CREATE TABLE throttles (
    key             text PRIMARY KEY,
    hits            integer NOT NULL,
    window_start    timestamptz NOT NULL,
    blocked_until   timestamptz
);

DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['refresh_tokens', 'password_resets', 'invitations'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format($p$CREATE POLICY tenant_isolation ON %I
                          USING (tenant_id = current_setting('app.tenant_id', true))
                          WITH CHECK (tenant_id = current_setting('app.tenant_id', true))$p$, t);
    END LOOP;
END $$;

GRANT SELECT, INSERT, UPDATE, DELETE ON refresh_tokens, password_resets, invitations, throttles TO travel_app, travel_platform;
