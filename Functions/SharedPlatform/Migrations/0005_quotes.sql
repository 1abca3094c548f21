-- Quotes (issue 5): hotels and rate rows, quotes, CRM clients, invoices and payments, and one activity log
-- for every change of state. Money is integer minor units plus an ISO 4217 code (DESIGN §3); every table
-- carries tenant_id in its key and its foreign keys, with forced row-level security.

CREATE TABLE hotels (
    tenant_id       text NOT NULL REFERENCES tenants (tenant_id) ON DELETE CASCADE,
    id              uuid NOT NULL DEFAULT gen_random_uuid(),
    destination     text NOT NULL CHECK (length(destination) BETWEEN 1 AND 100),
    name            text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    rating          numeric(2, 1) CHECK (rating BETWEEN 0 AND 7),
    description     text NOT NULL DEFAULT '' CHECK (length(description) <= 2000),
    is_active       boolean NOT NULL DEFAULT true,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id)
);
-- One hotel per name and destination, ignoring case.
CREATE UNIQUE INDEX hotels_name_idx ON hotels (tenant_id, lower(destination), lower(name));

CREATE TABLE rates (
    tenant_id       text NOT NULL,
    id              uuid NOT NULL DEFAULT gen_random_uuid(),
    hotel_id        uuid NOT NULL,
    room_type       text NOT NULL CHECK (length(room_type) BETWEEN 1 AND 100),
    meal_plan       text NOT NULL CHECK (length(meal_plan) BETWEEN 1 AND 100),
    valid_from      date NOT NULL,
    valid_to        date NOT NULL,
    -- Set: a fixed-length package, prices per person for the whole stay. NULL: prices per person per night.
    nights          integer CHECK (nights BETWEEN 1 AND 60),
    currency        char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    adult_sharing   bigint NOT NULL CHECK (adult_sharing > 0),
    single          bigint CHECK (single > 0),
    child           bigint CHECK (child >= 0),
    infant          bigint CHECK (infant >= 0),
    is_active       boolean NOT NULL DEFAULT true,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, hotel_id) REFERENCES hotels (tenant_id, id) ON DELETE CASCADE,
    CHECK (valid_from <= valid_to)
);
CREATE INDEX rates_hotel_idx ON rates (tenant_id, hotel_id, valid_from);

CREATE TABLE clients (
    tenant_id       text NOT NULL REFERENCES tenants (tenant_id) ON DELETE CASCADE,
    id              uuid NOT NULL DEFAULT gen_random_uuid(),
    client_id       text NOT NULL CHECK (client_id ~ '^CLI-[0-9A-F]{8}$'),
    name            text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    email           text NOT NULL CHECK (email = lower(email) AND email LIKE '%_@_%'),
    phone           text,
    stage           text NOT NULL DEFAULT 'QUOTED'
                    CHECK (stage IN ('QUOTED', 'NEGOTIATING', 'BOOKED', 'PAID', 'TRAVELLED', 'LOST')),
    source          text NOT NULL DEFAULT 'manual' CHECK (length(source) BETWEEN 1 AND 40),
    consultant_id   uuid,
    quote_count     integer NOT NULL DEFAULT 0 CHECK (quote_count >= 0),
    notes           text NOT NULL DEFAULT '' CHECK (length(notes) <= 5000),
    last_activity_at timestamptz NOT NULL DEFAULT now(),
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, client_id),
    UNIQUE (tenant_id, email),
    FOREIGN KEY (tenant_id, consultant_id) REFERENCES users (tenant_id, id) ON DELETE SET NULL (consultant_id)
);
CREATE INDEX clients_stage_idx ON clients (tenant_id, stage);

CREATE TABLE quotes (
    tenant_id       text NOT NULL REFERENCES tenants (tenant_id) ON DELETE CASCADE,
    id              uuid NOT NULL DEFAULT gen_random_uuid(),
    quote_id        text NOT NULL CHECK (quote_id ~ '^QT-[0-9]{8}-[0-9A-F]{6}$'),
    status          text NOT NULL CHECK (status IN ('draft', 'quoted', 'sent', 'viewed', 'accepted', 'declined',
                                                     'expired', 'converted', 'cancelled')),
    -- 'generate' (options priced from rates) or 'items' (line items entered by a consultant).
    kind            text NOT NULL CHECK (kind IN ('generate', 'items')),
    -- Where the request came from: 'api', 'inbound', 'helpdesk'.
    source          text NOT NULL DEFAULT 'api' CHECK (length(source) BETWEEN 1 AND 40),
    client_id       uuid,
    consultant_id   uuid,
    created_by      uuid,
    customer_name   text NOT NULL CHECK (length(customer_name) BETWEEN 1 AND 200),
    customer_email  text NOT NULL,
    customer_phone  text,
    destination     text,
    check_in        date,
    check_out       date,
    nights          integer,
    adults          integer NOT NULL DEFAULT 0 CHECK (adults BETWEEN 0 AND 50),
    children        integer NOT NULL DEFAULT 0 CHECK (children BETWEEN 0 AND 50),
    children_ages   integer[] NOT NULL DEFAULT '{}',
    rooms           integer NOT NULL DEFAULT 1 CHECK (rooms BETWEEN 1 AND 20),
    budget          jsonb,                -- {"amount","currency","per_person"} or NULL
    requested_hotel text,
    message         text NOT NULL DEFAULT '',
    -- The priced alternatives (generate) or the one set of components (items): see docs/quotes.md.
    options         jsonb NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(options) = 'array'),
    -- Per-currency totals of the line items (items quotes); NULL for generated quotes.
    totals          jsonb,
    currency        char(3) NOT NULL,
    selected_option integer CHECK (selected_option >= 0),
    valid_until     date NOT NULL,
    ticket_id       text,
    sent_at         timestamptz,
    send_count      integer NOT NULL DEFAULT 0,
    viewed_at       timestamptz,
    accepted_at     timestamptz,
    declined_at     timestamptz,
    expired_at      timestamptz,
    cancelled_at    timestamptz,
    converted_at    timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, quote_id),
    FOREIGN KEY (tenant_id, client_id) REFERENCES clients (tenant_id, id) ON DELETE SET NULL (client_id),
    FOREIGN KEY (tenant_id, consultant_id) REFERENCES users (tenant_id, id) ON DELETE SET NULL (consultant_id),
    FOREIGN KEY (tenant_id, created_by) REFERENCES users (tenant_id, id) ON DELETE SET NULL (created_by)
);
CREATE INDEX quotes_created_idx ON quotes (tenant_id, created_at DESC, id);
CREATE INDEX quotes_status_idx ON quotes (tenant_id, status, valid_until);
CREATE INDEX quotes_email_idx ON quotes (tenant_id, lower(customer_email));

CREATE TABLE invoices (
    tenant_id       text NOT NULL REFERENCES tenants (tenant_id) ON DELETE CASCADE,
    id              uuid NOT NULL DEFAULT gen_random_uuid(),
    invoice_id      text NOT NULL CHECK (invoice_id ~ '^INV-[0-9]{8}-[0-9A-F]{6}$'),
    status          text NOT NULL DEFAULT 'draft'
                    CHECK (status IN ('draft', 'sent', 'viewed', 'partially_paid', 'paid', 'overdue', 'cancelled')),
    quote_id        uuid,
    client_id       uuid,
    customer_name   text NOT NULL CHECK (length(customer_name) BETWEEN 1 AND 200),
    customer_email  text NOT NULL,
    customer_phone  text,
    destination     text,
    currency        char(3) NOT NULL,
    -- [{"description","quantity","unit_price","amount"}], amounts in minor units of `currency`.
    items           jsonb NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(items) = 'array'),
    travelers       jsonb NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(travelers) = 'array'),
    subtotal        bigint NOT NULL DEFAULT 0,
    discount_percent numeric(5, 2) NOT NULL DEFAULT 0 CHECK (discount_percent BETWEEN 0 AND 100),
    discount_amount bigint NOT NULL DEFAULT 0,
    tax_percent     numeric(5, 2) NOT NULL DEFAULT 0 CHECK (tax_percent BETWEEN 0 AND 100),
    tax_amount      bigint NOT NULL DEFAULT 0,
    total           bigint NOT NULL DEFAULT 0 CHECK (total >= 0),
    paid_amount     bigint NOT NULL DEFAULT 0 CHECK (paid_amount >= 0),
    notes           text NOT NULL DEFAULT '',
    due_date        date NOT NULL,
    sent_at         timestamptz,
    viewed_at       timestamptz,
    paid_at         timestamptz,
    cancelled_at    timestamptz,
    created_by      uuid,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, invoice_id),
    FOREIGN KEY (tenant_id, quote_id) REFERENCES quotes (tenant_id, id) ON DELETE SET NULL (quote_id),
    FOREIGN KEY (tenant_id, client_id) REFERENCES clients (tenant_id, id) ON DELETE SET NULL (client_id),
    FOREIGN KEY (tenant_id, created_by) REFERENCES users (tenant_id, id) ON DELETE SET NULL (created_by)
);
CREATE INDEX invoices_created_idx ON invoices (tenant_id, created_at DESC, id);
CREATE INDEX invoices_status_idx ON invoices (tenant_id, status, due_date);
-- A quote converts to at most one live invoice.
CREATE UNIQUE INDEX invoices_quote_idx ON invoices (tenant_id, quote_id) WHERE quote_id IS NOT NULL AND status <> 'cancelled';

CREATE TABLE invoice_payments (
    tenant_id       text NOT NULL,
    id              uuid NOT NULL DEFAULT gen_random_uuid(),
    invoice_id      uuid NOT NULL,
    amount          bigint NOT NULL CHECK (amount > 0),
    currency        char(3) NOT NULL,
    payment_date    date NOT NULL,
    method          text NOT NULL CHECK (method IN ('bank_transfer', 'card', 'cash', 'eft', 'other')),
    reference       text NOT NULL DEFAULT '',
    notes           text NOT NULL DEFAULT '',
    recorded_by     uuid,
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, invoice_id) REFERENCES invoices (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX invoice_payments_invoice_idx ON invoice_payments (tenant_id, invoice_id);

-- Every state change and note on a quote, invoice or client: the audit trail consultants read.
-- kind: 'created', 'status_change', 'stage_change', 'sent', 'resent', 'viewed', 'shared', 'payment', 'note',
-- 'quote_generated', 'call', 'email', 'meeting' (CRM notes), …
CREATE TABLE activities (
    tenant_id       text NOT NULL REFERENCES tenants (tenant_id) ON DELETE CASCADE,
    id              uuid NOT NULL DEFAULT gen_random_uuid(),
    subject_type    text NOT NULL CHECK (subject_type IN ('quote', 'invoice', 'client')),
    subject_id      uuid NOT NULL,
    kind            text NOT NULL CHECK (kind ~ '^[a-z_]{1,40}$'),
    from_status     text,
    to_status       text,
    actor           text NOT NULL,        -- 'user:<uuid>', 'system:<job>', 'public:share-link'
    note            text NOT NULL DEFAULT '' CHECK (length(note) <= 5000),
    detail          jsonb NOT NULL DEFAULT '{}'::jsonb,
    -- clock_timestamp(): several activities of one transaction keep their order.
    created_at      timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX activities_subject_idx ON activities (tenant_id, subject_type, subject_id, created_at);

-- Round-robin assignment: the consultant who waited longest gets the next quote.
ALTER TABLE users ADD COLUMN last_assigned_at timestamptz;

DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['hotels', 'rates', 'clients', 'quotes', 'invoices', 'invoice_payments', 'activities'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format($p$CREATE POLICY tenant_isolation ON %I
                          USING (tenant_id = current_setting('app.tenant_id', true))
                          WITH CHECK (tenant_id = current_setting('app.tenant_id', true))$p$, t);
    END LOOP;
END $$;

GRANT SELECT, INSERT, UPDATE, DELETE ON hotels, rates, clients, quotes, invoices, invoice_payments, activities
    TO travel_app, travel_platform;
