-- Base platform tables (DESIGN §3).
-- Roles, created by deploy/db before migrating:
--   travel_owner    owns every object here, runs migrations and seeds (BYPASSRLS).
--   travel_app      what functions log in as; subject to row-level security; owns nothing.
--   travel_platform NOLOGIN BYPASSRLS, granted to travel_app: the explicit platform-admin path
--                   (Database.asPlatform switches to it for one transaction).
-- Every table with a tenant_id column has RLS enabled AND forced, with a policy on app.tenant_id.

CREATE TABLE tenants (
    tenant_id       text PRIMARY KEY CHECK (tenant_id ~ '^[a-z0-9_-]{3,50}$'),
    company_name    text NOT NULL CHECK (length(company_name) BETWEEN 1 AND 200),
    status          text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended')),
    suspended_reason text,
    plan            text NOT NULL DEFAULT 'lite' CHECK (plan IN ('lite', 'pro', 'enterprise')),
    timezone        text NOT NULL DEFAULT 'UTC',
    currency        text NOT NULL DEFAULT 'USD' CHECK (currency ~ '^[A-Z]{3}$'),
    config          jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(config) = 'object'),
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
    tenant_id       text NOT NULL REFERENCES tenants (tenant_id) ON DELETE CASCADE,
    id              uuid NOT NULL DEFAULT gen_random_uuid(),
    email           text NOT NULL CHECK (email = lower(email) AND email LIKE '%_@_%'),
    name            text NOT NULL DEFAULT '',
    role            text NOT NULL CHECK (role IN ('admin', 'consultant')),
    password_hash   text,
    is_active       boolean NOT NULL DEFAULT true,
    failed_logins   integer NOT NULL DEFAULT 0,
    locked_until    timestamptz,
    last_login_at   timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, email)
);
CREATE INDEX users_email_idx ON users (email);

-- Who did what, when. Platform actions on a tenant keep tenant_id NULL and name the tenant in target,
-- so deleting a tenant (which cascades) does not erase the record of its deletion.
CREATE TABLE audit_log (
    id              bigserial PRIMARY KEY,
    tenant_id       text REFERENCES tenants (tenant_id) ON DELETE CASCADE,
    actor           text NOT NULL,
    action          text NOT NULL,
    target          text,
    detail          jsonb NOT NULL DEFAULT '{}'::jsonb,
    request_id      text,
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_log_tenant_idx ON audit_log (tenant_id, created_at);

-- The job queue (DESIGN §2 "Jobs"): claimed with FOR UPDATE SKIP LOCKED, woken by NOTIFY jobs.
CREATE TABLE jobs (
    id              bigserial PRIMARY KEY,
    tenant_id       text REFERENCES tenants (tenant_id) ON DELETE CASCADE,
    kind            text NOT NULL,
    payload         jsonb NOT NULL DEFAULT '{}'::jsonb,
    status          text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'dead')),
    attempts        integer NOT NULL DEFAULT 0,
    max_attempts    integer NOT NULL DEFAULT 8,
    run_at          timestamptz NOT NULL DEFAULT now(),
    locked_at       timestamptz,
    locked_by       text,
    last_error      text,
    idempotency_key text UNIQUE,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX jobs_ready_idx ON jobs (run_at) WHERE status = 'queued';

-- Every outgoing mail is written here first (idempotency key), then delivered by a job.
CREATE TABLE outbox (
    id              bigserial PRIMARY KEY,
    tenant_id       text REFERENCES tenants (tenant_id) ON DELETE CASCADE,
    idempotency_key text NOT NULL UNIQUE,
    to_address      text NOT NULL,
    from_address    text NOT NULL,
    reply_to        text,
    subject         text NOT NULL,
    text_body       text NOT NULL DEFAULT '',
    html_body       text,
    headers         jsonb NOT NULL DEFAULT '{}'::jsonb,
    status          text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
    transport       text,
    provider_message_id text,
    attempts        integer NOT NULL DEFAULT 0,
    last_error      text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    sent_at         timestamptz
);
CREATE INDEX outbox_tenant_idx ON outbox (tenant_id, created_at);

-- Row-level security: a tenant sees only its rows; unset app.tenant_id sees nothing.
DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['tenants', 'users', 'audit_log', 'jobs', 'outbox'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format($p$CREATE POLICY tenant_isolation ON %I
                          USING (tenant_id = current_setting('app.tenant_id', true))
                          WITH CHECK (tenant_id = current_setting('app.tenant_id', true))$p$, t);
    END LOOP;
END $$;

-- Config and status changes reach every process within seconds (tenant config cache invalidation).
CREATE FUNCTION notify_tenant_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('tenant_changed', COALESCE(NEW.tenant_id, OLD.tenant_id));
    RETURN NULL;
END $$;
CREATE TRIGGER tenants_changed AFTER INSERT OR UPDATE OR DELETE ON tenants
    FOR EACH ROW EXECUTE FUNCTION notify_tenant_changed();

-- Privileges: the application and platform roles read and write data, never the schema.
GRANT USAGE ON SCHEMA public TO travel_app, travel_platform;
GRANT SELECT, INSERT, UPDATE, DELETE ON tenants, users, audit_log, jobs, outbox TO travel_app, travel_platform;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO travel_app, travel_platform;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO travel_app, travel_platform;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO travel_app, travel_platform;
REVOKE ALL ON schema_migrations FROM travel_app, travel_platform;
