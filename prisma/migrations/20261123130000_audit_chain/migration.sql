-- DropIndex
DROP INDEX "AuditEvent_action_idx";

-- DropIndex
DROP INDEX "AuditEvent_orgId_createdAt_idx";

-- AlterTable
-- Nullable first: existing events are chained below, then the columns become NOT NULL.
ALTER TABLE "AuditEvent" ADD COLUMN     "hash" TEXT,
ADD COLUMN     "prevHash" TEXT,
ADD COLUMN     "seq" BIGINT;

-- CreateTable
CREATE TABLE "AuditOutbox" (
    "eventId" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "action" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "publishedAt" TIMESTAMP(3),

    CONSTRAINT "AuditOutbox_pkey" PRIMARY KEY ("eventId")
);

-- CreateTable
CREATE TABLE "AuditPurge" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "events" BIGINT NOT NULL,
    "lastSeq" BIGINT,
    "lastHash" TEXT,
    "purgedBy" TEXT NOT NULL,
    "purgedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditPurge_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AuditOutbox_publishedAt_createdAt_idx" ON "AuditOutbox"("publishedAt", "createdAt");

-- CreateIndex
CREATE INDEX "AuditPurge_orgId_idx" ON "AuditPurge"("orgId");

-- CreateIndex
CREATE INDEX "AuditEvent_orgId_createdAt_seq_idx" ON "AuditEvent"("orgId", "createdAt" DESC, "seq" DESC);

-- CreateIndex
CREATE INDEX "AuditEvent_orgId_action_createdAt_seq_idx" ON "AuditEvent"("orgId", "action", "createdAt" DESC, "seq" DESC);

-- CreateIndex
CREATE INDEX "AuditEvent_orgId_actorId_createdAt_seq_idx" ON "AuditEvent"("orgId", "actorId", "createdAt" DESC, "seq" DESC);

-- CreateIndex
CREATE INDEX "AuditEvent_orgId_targetId_createdAt_seq_idx" ON "AuditEvent"("orgId", "targetId", "createdAt" DESC, "seq" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "AuditEvent_orgId_seq_key" ON "AuditEvent"("orgId", "seq" DESC);

-- AddForeignKey
ALTER TABLE "AuditOutbox" ADD CONSTRAINT "AuditOutbox_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "AuditEvent"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditPurge" ADD CONSTRAINT "AuditPurge_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Org"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Chain the events recorded before this migration, in (createdAt, id) order per
-- chain, with exactly the canonical form lib/audit/audit-hash.ts computes
-- (sorted keys, no whitespace, createdAt as ISO 8601 UTC with milliseconds).
-- Events that existed before the outbox get no outbox row: they are not published.
CREATE FUNCTION audit_backfill_canonical_json(v jsonb) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  RETURN CASE jsonb_typeof(v)
    WHEN 'object' THEN '{' || coalesce((SELECT string_agg(to_json(key)::text || ':' || audit_backfill_canonical_json(value), ',' ORDER BY key COLLATE "C") FROM jsonb_each(v)), '') || '}'
    WHEN 'array' THEN '[' || coalesce((SELECT string_agg(audit_backfill_canonical_json(value), ',' ORDER BY n) FROM jsonb_array_elements(v) WITH ORDINALITY AS e(value, n)), '') || ']'
    ELSE v::text
  END;
END $$;

DO $$
DECLARE
  r record;
  chain_org uuid;
  started boolean := false;
  prev text;
  n bigint;
  canonical text;
  h text;
BEGIN
  FOR r IN SELECT * FROM "AuditEvent" ORDER BY "orgId" NULLS FIRST, "createdAt", id LOOP
    IF NOT started OR r."orgId" IS DISTINCT FROM chain_org THEN
      started := true;
      chain_org := r."orgId";
      prev := repeat('0', 64);
      n := 0;
    END IF;
    n := n + 1;
    canonical := '{"action":' || to_json(r.action)::text
      || ',"actorId":' || coalesce(to_json(r."actorId")::text, 'null')
      || ',"actorLabel":' || coalesce(to_json(r."actorLabel")::text, 'null')
      || ',"actorType":' || to_json(r."actorType"::text)::text
      || ',"createdAt":' || to_json(to_char(r."createdAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))::text
      || ',"detail":' || audit_backfill_canonical_json(r.detail)
      || ',"id":' || to_json(r.id::text)::text
      || ',"ip":' || coalesce(to_json(r.ip)::text, 'null')
      || ',"orgId":' || coalesce(to_json(r."orgId"::text)::text, 'null')
      || ',"outcome":' || to_json(r.outcome::text)::text
      || ',"requestId":' || coalesce(to_json(r."requestId")::text, 'null')
      || ',"seq":' || n::text
      || ',"targetId":' || coalesce(to_json(r."targetId")::text, 'null')
      || ',"targetLabel":' || coalesce(to_json(r."targetLabel")::text, 'null')
      || ',"targetType":' || coalesce(to_json(r."targetType")::text, 'null')
      || ',"userAgent":' || coalesce(to_json(r."userAgent")::text, 'null')
      || '}';
    h := encode(sha256(convert_to(prev || canonical, 'UTF8')), 'hex');
    UPDATE "AuditEvent" SET seq = n, "prevHash" = prev, hash = h WHERE id = r.id;
    prev := h;
  END LOOP;
END $$;

DROP FUNCTION audit_backfill_canonical_json(jsonb);

ALTER TABLE "AuditEvent" ALTER COLUMN "hash" SET NOT NULL, ALTER COLUMN "prevHash" SET NOT NULL, ALTER COLUMN "seq" SET NOT NULL;

-- Append-only, enforced by the database: UPDATE, DELETE and TRUNCATE of
-- audit events fail, whoever sends them. The one exception is a DELETE of a
-- deleted org's events inside purge_org_audit, which sets a transaction-local
-- marker naming that org. (The table's owner can still disable the trigger:
-- this stops application code and mistakes; the hash chain makes anything
-- else detectable.)
CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE'
    AND OLD."orgId" IS NOT NULL
    AND current_setting('cordon.audit_purge', true) = OLD."orgId"::text
    AND EXISTS (SELECT 1 FROM "Org" WHERE id = OLD."orgId" AND "deletedAt" IS NOT NULL) THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'audit events are append-only: % on "AuditEvent" is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege', HINT = 'A deleted organisation''s events are removed with purge_org_audit(org).';
END $$;

CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON "AuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();

-- Removes every audit event of a deleted org (after its retention; the caller
-- decides when) and records the purge, with the chain head it ended, in
-- "AuditPurge". Takes the chain's lock so no writer appends meanwhile.
CREATE FUNCTION purge_org_audit(org uuid) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
  head record;
  removed bigint;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM "Org" WHERE id = org AND "deletedAt" IS NOT NULL) THEN
    RAISE EXCEPTION 'purge_org_audit: organisation % does not exist or is not deleted', org USING ERRCODE = 'check_violation';
  END IF;
  PERFORM pg_advisory_xact_lock(hashtextextended('audit:' || org::text, 0));
  SELECT seq, hash INTO head FROM "AuditEvent" WHERE "orgId" = org ORDER BY seq DESC LIMIT 1;
  PERFORM set_config('cordon.audit_purge', org::text, true);
  DELETE FROM "AuditEvent" WHERE "orgId" = org;
  GET DIAGNOSTICS removed = ROW_COUNT;
  PERFORM set_config('cordon.audit_purge', '', true);
  INSERT INTO "AuditPurge" (id, "orgId", events, "lastSeq", "lastHash", "purgedBy")
    VALUES (gen_random_uuid(), org, removed, head.seq, head.hash, session_user);
  RETURN removed;
END $$;
