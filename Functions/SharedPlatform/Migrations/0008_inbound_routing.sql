-- Inbound routing (issue 6): TenantResolver looks tenants up by the addresses in their config, one query per rule
-- over every recipient at once. These expression indexes match those queries' expressions exactly
-- (Functions/SharedInbound/Routing/RoutingIndex.swift); change both together.

CREATE INDEX tenants_support_address_idx ON tenants (lower(config->'email'->>'support_address'));
CREATE INDEX tenants_primary_address_idx ON tenants (lower(config->'email'->>'primary_address'));
CREATE INDEX tenants_inbound_subuser_idx
    ON tenants (lower(coalesce(nullif(config->'email'->>'inbound_subuser', ''), tenant_id)));

-- Platform-admin diagnostics list messages by status, newest first, with a (received_at, id) cursor.
CREATE INDEX inbound_messages_status_cursor_idx ON inbound_messages (status, received_at DESC, id DESC);
