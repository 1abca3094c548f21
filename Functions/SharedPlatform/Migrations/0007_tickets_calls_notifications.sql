-- Triage tickets, notifications and call records (issue 6, SPEC §1). All three are tenant data: RLS forced.

-- One ticket per routed inbound message (UNIQUE inbound_message: a re-run job finds its ticket instead of making
-- a second), or one made by hand / by a phone call / by the helpdesk hand-off (inbound_message NULL).
CREATE TABLE tickets (
    tenant_id       text NOT NULL REFERENCES tenants (tenant_id) ON DELETE CASCADE,
    id              uuid NOT NULL DEFAULT gen_random_uuid(),
    ticket_id       text NOT NULL CHECK (ticket_id ~ '^TKT-[0-9]{8}-[0-9A-F]{6}$'),
    inbound_message uuid UNIQUE REFERENCES inbound_messages (id) ON DELETE SET NULL,
    source          text NOT NULL CHECK (source IN ('email', 'phone', 'chat', 'web')),
    status          text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_progress', 'resolved', 'closed')),
    priority        text NOT NULL DEFAULT 'normal' CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
    customer_name   text NOT NULL DEFAULT '' CHECK (length(customer_name) <= 200),
    customer_email  text CHECK (customer_email = lower(customer_email)),
    customer_phone  text,
    subject         text NOT NULL CHECK (length(subject) BETWEEN 1 AND 998),
    message         text NOT NULL DEFAULT '',
    is_travel_inquiry boolean NOT NULL DEFAULT false,
    -- The extracted trip (ExtractedTrip's JSON: snake_case, explicit nulls) and how it was extracted.
    parsed          jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(parsed) = 'object'),
    parse_method    text CHECK (parse_method IN ('llm', 'rules')),
    -- Facts pricing needs that the mail did not give ("destination", "dates"), when any.
    missing         text[] NOT NULL DEFAULT '{}',
    assigned_to     uuid,
    client_id       uuid,
    quote_id        uuid,
    notes           text NOT NULL DEFAULT '' CHECK (length(notes) <= 5000),
    -- The thread, oldest first: [{"role": "customer"|"agent"|"system", "content", "at", "message_id"?, "author"?}].
    -- message_id entries give replies their In-Reply-To / References.
    conversation    jsonb NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(conversation) = 'array'),
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, ticket_id),
    FOREIGN KEY (tenant_id, assigned_to) REFERENCES users (tenant_id, id) ON DELETE SET NULL (assigned_to),
    FOREIGN KEY (tenant_id, client_id) REFERENCES clients (tenant_id, id) ON DELETE SET NULL (client_id),
    FOREIGN KEY (tenant_id, quote_id) REFERENCES quotes (tenant_id, id) ON DELETE SET NULL (quote_id)
);
CREATE INDEX tickets_status_idx ON tickets (tenant_id, status, created_at DESC);
CREATE INDEX tickets_email_idx ON tickets (tenant_id, customer_email);

-- In-app notifications, one row per user. dedupe_key (e.g. 'ticket:<uuid>') makes a second notification about
-- the same thing for the same user a no-op.
CREATE TABLE notifications (
    tenant_id       text NOT NULL REFERENCES tenants (tenant_id) ON DELETE CASCADE,
    id              uuid NOT NULL DEFAULT gen_random_uuid(),
    user_id         uuid NOT NULL,
    kind            text NOT NULL CHECK (kind ~ '^[a-z_]{1,40}$'),
    title           text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    message         text NOT NULL DEFAULT '' CHECK (length(message) <= 2000),
    entity_type     text,
    entity_id       text,
    dedupe_key      text NOT NULL,
    read_at         timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, user_id, dedupe_key),
    FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX notifications_user_idx ON notifications (tenant_id, user_id, created_at DESC);

-- Phone calls reported by Twilio (voice + status callbacks) and VAPI (server messages), for analytics.
CREATE TABLE call_records (
    tenant_id       text NOT NULL REFERENCES tenants (tenant_id) ON DELETE CASCADE,
    id              uuid NOT NULL DEFAULT gen_random_uuid(),
    provider        text NOT NULL CHECK (provider IN ('twilio', 'vapi')),
    call_id         text NOT NULL CHECK (length(call_id) BETWEEN 1 AND 100),
    direction       text CHECK (direction IN ('inbound', 'outbound')),
    from_number     text,
    to_number       text,
    status          text NOT NULL CHECK (length(status) BETWEEN 1 AND 40),
    outcome         text,
    duration_seconds integer CHECK (duration_seconds >= 0),
    customer_name   text,
    summary         text,
    transcript      text,
    metadata        jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(metadata) = 'object'),
    started_at      timestamptz,
    ended_at        timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, provider, call_id)
);
CREATE INDEX call_records_created_idx ON call_records (tenant_id, created_at DESC);

-- Ticket history sits with the other activities.
ALTER TABLE activities DROP CONSTRAINT activities_subject_type_check;
ALTER TABLE activities ADD CONSTRAINT activities_subject_type_check
    CHECK (subject_type IN ('quote', 'invoice', 'client', 'ticket'));

DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['tickets', 'notifications', 'call_records'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format($p$CREATE POLICY tenant_isolation ON %I
                          USING (tenant_id = current_setting('app.tenant_id', true))
                          WITH CHECK (tenant_id = current_setting('app.tenant_id', true))$p$, t);
    END LOOP;
END $$;

GRANT SELECT, INSERT, UPDATE, DELETE ON tickets, notifications, call_records TO travel_app, travel_platform;
