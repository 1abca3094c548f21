-- Inbound mail and calls reach a tenant through values in its config (Functions/SharedInbound/Routing,
-- Functions/Inbound/VoiceNumberDirectory): email.support_address, email.primary_address, the inbound subuser
-- (email.inbound_subuser, else the tenant id; mail to <subuser>@INBOUND_EMAIL_DOMAIN) and voice.phone_number.
-- When two tenants hold the same one, routing takes the first by tenant id, so a tenant that copied another's
-- address or number could receive that tenant's customers' mail and calls. The config API therefore refuses a
-- change that claims a value another tenant holds (409). Tenants cannot read each other's rows (RLS), so the check
-- is this SECURITY DEFINER function: it compares the caller's claims (app.tenant_id is the caller) with every other
-- tenant, active or suspended, and returns only WHICH claims are taken, never by whom.
--
-- tenant_routing_claims_taken(support, primary, subuser, phone, inbound_domain) → the taken config paths among
-- 'email.support_address', 'email.primary_address', 'email.inbound_subuser', 'voice.phone_number'. Addresses and
-- subusers compare case-insensitively. Mail to <tenant id>@INBOUND_EMAIL_DOMAIN also reaches that tenant, so a
-- subuser, or an address on inbound_domain, clashes with another tenant's subuser or tenant id.
-- Null arguments claim nothing.
CREATE FUNCTION tenant_routing_claims_taken(want_support text, want_primary text, want_subuser text,
                                            want_phone text, inbound_domain text)
RETURNS TABLE (path text)
LANGUAGE sql STABLE SECURITY DEFINER
AS $fn$
    WITH others AS (
        SELECT lower(t.config->'email'->>'support_address') AS support,
               lower(t.config->'email'->>'primary_address') AS primary_address,
               lower(coalesce(nullif(t.config->'email'->>'inbound_subuser', ''), t.tenant_id)) AS subuser,
               t.tenant_id AS id,
               t.config->'voice'->>'phone_number' AS phone
        FROM tenants t
        WHERE t.tenant_id IS DISTINCT FROM current_setting('app.tenant_id', true)
    ), claims (path, address) AS (
        VALUES ('email.support_address', lower(want_support)), ('email.primary_address', lower(want_primary))
    )
    SELECT c.path FROM claims c
    WHERE c.address IS NOT NULL AND EXISTS (
        SELECT 1 FROM others o
        WHERE c.address IN (o.support, o.primary_address)
           OR (inbound_domain IS NOT NULL AND split_part(c.address, '@', 2) = lower(inbound_domain)
               AND split_part(split_part(c.address, '@', 1), '+', 1) IN (o.subuser, o.id)))
    UNION ALL
    SELECT 'email.inbound_subuser'
    WHERE want_subuser IS NOT NULL AND EXISTS (SELECT 1 FROM others o WHERE lower(want_subuser) IN (o.subuser, o.id))
    UNION ALL
    SELECT 'voice.phone_number'
    WHERE want_phone IS NOT NULL AND EXISTS (SELECT 1 FROM others o WHERE o.phone = want_phone)
$fn$;

DO $$
BEGIN
    EXECUTE format('ALTER FUNCTION tenant_routing_claims_taken(text, text, text, text, text) SET search_path = %I, pg_temp',
                   current_schema());
END $$;

REVOKE ALL ON FUNCTION tenant_routing_claims_taken(text, text, text, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION tenant_routing_claims_taken(text, text, text, text, text) TO travel_app, travel_platform;
