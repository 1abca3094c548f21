-- Full-text candidate selection for the helpdesk retriever, under the read policy, with the GIN index.
--
-- Under row-level security PostgreSQL only lets leakproof operators become index conditions, and
-- `tsvector @@ tsquery` (ts_match_vq) is not marked leakproof: as travel_app every search filtered the tenant's
-- chunks one by one (1.9 s per question at 100,000 chunks). Marking it leakproof needs a superuser, which a managed
-- database does not give. So the one index-driven step lives here, as SECURITY DEFINER: it runs as the owner
-- (BYPASSRLS, so the index is used) and applies the read policy's own predicate on the CALLER's `app.tenant_id`
-- (set by Database.withTenant), which no argument can widen. It returns chunk keys and tsvectors only; the retriever
-- reads chunk text and titles back through row-level security, so a chunk outside the policy never reaches a reply
-- even if this predicate were wrong.
--
-- knowledge_match(pick, config, public_only, only_category, strict, max_rows): at most max_rows chunks of the
-- caller's tenant or global (tenant_id IS NULL) in text-search configuration `config` whose tsv matches `pick`;
-- public ones only when public_only; of documents in only_category when it is not null; and, when strict is not
-- null, whose text plus document title also matches websearch_to_tsquery(config, strict). Dynamic SQL: planned
-- with the actual query each call (a generic plan cannot judge a tsquery's selectivity).
CREATE FUNCTION knowledge_match(pick tsquery, config regconfig, public_only boolean, only_category text,
                                strict text, max_rows integer)
RETURNS TABLE (document_id uuid, chunk_position integer, tsv tsvector)
LANGUAGE plpgsql STABLE SECURITY DEFINER
AS $fn$
BEGIN
    RETURN QUERY EXECUTE $q$
        SELECT c.document_id, c.position, c.tsv
        FROM knowledge_chunks c
        WHERE c.tsv @@ $1 AND c.language = $2
          AND (c.tenant_id = current_setting('app.tenant_id', true) OR c.tenant_id IS NULL)
          AND ($3 = false OR c.visibility = 'public')
          AND ($4::text IS NULL OR c.document_id IN (
                SELECT d.id FROM knowledge_documents d WHERE d.category = $4
                  AND (d.tenant_id = current_setting('app.tenant_id', true) OR d.tenant_id IS NULL)))
          AND ($5::text IS NULL OR EXISTS (
                SELECT 1 FROM knowledge_documents sd WHERE sd.id = c.document_id
                  AND (c.tsv || to_tsvector($2, sd.title)) @@ websearch_to_tsquery($2, $5)))
        LIMIT $6
        $q$
        USING pick, config, public_only, only_category, strict, greatest(least(max_rows, 5000), 0);
END
$fn$;

-- knowledge_common_lexemes(): the platform-wide share of chunks holding each common lexeme, from ANALYZE's
-- statistics on knowledge_chunks.tsv (pg_stats.most_common_elems). pg_stats hides tables with row-level security
-- from roles subject to it, so the retriever reads them here. Aggregates over every tenant's chunks, used only as IDF
-- estimates for words in at least ~1 % of all chunks; no row, text or tenant is returned.
CREATE FUNCTION knowledge_common_lexemes()
RETURNS TABLE (lexeme text, frequency real)
LANGUAGE sql STABLE SECURITY DEFINER
AS $fn$
    SELECT u.lexeme, u.freq FROM pg_stats s,
           unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) AS u(lexeme, freq)
    WHERE s.schemaname = current_schema() AND s.tablename = 'knowledge_chunks' AND s.attname = 'tsv'
      AND u.lexeme IS NOT NULL
$fn$;

-- A SECURITY DEFINER function must not resolve names through a schema its callers could write to (pg_catalog is
-- searched first when not listed; current_schema() inside is then this schema).
DO $$
BEGIN
    EXECUTE format('ALTER FUNCTION knowledge_match(tsquery, regconfig, boolean, text, text, integer) '
                   'SET search_path = %I, pg_temp', current_schema());
    EXECUTE format('ALTER FUNCTION knowledge_common_lexemes() SET search_path = %I, pg_temp',
                   current_schema());
END $$;

REVOKE ALL ON FUNCTION knowledge_match(tsquery, regconfig, boolean, text, text, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION knowledge_match(tsquery, regconfig, boolean, text, text, integer)
    TO travel_app, travel_platform;
REVOKE ALL ON FUNCTION knowledge_common_lexemes() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION knowledge_common_lexemes() TO travel_app, travel_platform;
