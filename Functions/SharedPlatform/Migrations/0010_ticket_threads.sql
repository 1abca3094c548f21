-- Customer follow-ups join their ticket (issue 6, SPEC §1 step 3): every Message-ID a ticket's conversation holds,
-- normalised (no angle brackets, domain part lower-cased: TicketThread.key), maps to that ticket. The worker looks
-- an inbound mail's In-Reply-To / References up here by primary key — one bounded index probe per id — instead of
-- scanning conversations: the ids in `conversation` are stored in several spellings (inbound ids bare, ours in
-- <…>), which jsonb containment could not match without a GIN index over every conversation and one probe per
-- spelling. The primary key also makes appending a follow-up idempotent per Message-ID (ON CONFLICT DO NOTHING).
CREATE TABLE ticket_messages (
    tenant_id   text NOT NULL REFERENCES tenants (tenant_id) ON DELETE CASCADE,
    message_key text NOT NULL CHECK (length(message_key) BETWEEN 1 AND 600),
    ticket      uuid NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, message_key),
    FOREIGN KEY (tenant_id, ticket) REFERENCES tickets (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX ticket_messages_ticket_idx ON ticket_messages (tenant_id, ticket);

ALTER TABLE ticket_messages ENABLE ROW LEVEL SECURITY;
ALTER TABLE ticket_messages FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON ticket_messages
    USING (tenant_id = current_setting('app.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('app.tenant_id', true));
GRANT SELECT, INSERT, UPDATE, DELETE ON ticket_messages TO travel_app, travel_platform;

-- Ids already in conversations (the migrating role bypasses RLS), keyed as TicketThread.key does.
INSERT INTO ticket_messages (tenant_id, message_key, ticket)
SELECT t.tenant_id,
       CASE WHEN position('@' IN k.id) > 0
            THEN regexp_replace(k.id, '@[^@]*$', '') || '@' || lower(regexp_replace(k.id, '^.*@', ''))
            ELSE k.id END,
       t.id
FROM tickets t
CROSS JOIN LATERAL jsonb_array_elements(t.conversation) e
CROSS JOIN LATERAL (SELECT btrim(e->>'message_id', E' \t<>') AS id) k
WHERE k.id IS NOT NULL AND length(k.id) BETWEEN 1 AND 600
ON CONFLICT DO NOTHING;
