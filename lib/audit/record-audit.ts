import type { ActorType, AuditEvent, AuditOutcome, Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/db/client";
import type { Tx } from "@/lib/db/transaction";
import { uuidV7 } from "@/lib/db/uuid-v7";
import type { AuditAction } from "./actions";
import { auditHash, GENESIS_HASH } from "./audit-hash";

export type AuditActor = { type: ActorType; id?: string | null; label?: string | null };
export type AuditTarget = { type: string; id?: string | null; label?: string | null };

/** Where a change came from; route handlers and actions fill it from the request. */
export type RequestContext = { ip?: string | null; userAgent?: string | null; requestId?: string | null };

export type AuditEventInput = {
  action: AuditAction;
  actor: AuditActor;
  orgId?: string | null;
  target?: AuditTarget;
  detail?: Prisma.InputJsonObject;
  context?: RequestContext;
  outcome?: AuditOutcome;
};

/**
 * Records an audit event inside the caller's transaction, so the event exists
 * exactly when the change it describes does. It becomes the next link of its
 * org's hash chain (or of the global chain when it has no org), and an org
 * event also gets its outbox row for publishing to NATS.
 */
export async function recordAudit(tx: Tx, event: AuditEventInput): Promise<AuditEvent> {
  const [row] = await appendEvents(tx, [event]);
  return row;
}

/** Many events in one insert (bulk work such as reconciling every account), inside the caller's transaction. */
export async function recordAuditBatch(tx: Tx, events: AuditEventInput[]): Promise<void> {
  if (events.length) await appendEvents(tx, events);
}

const chainKey = (orgId: string | null) => `audit:${orgId ?? "global"}`;

/**
 * Appends under each chain's transaction-scoped advisory lock, held until the
 * caller commits: a concurrent writer of the same chain waits, then reads the
 * head this transaction wrote, so every chain stays linear. Locks are taken in
 * key order, so batches touching several orgs cannot deadlock each other.
 */
async function appendEvents(client: Tx, events: AuditEventInput[]): Promise<AuditEvent[]> {
  // The lock lives as long as a transaction; a bare client (transaction clients have no $connect) gets one of its own.
  if (typeof (client as Partial<Db>).$connect === "function") return (client as Db).$transaction((tx) => appendEvents(tx, events));
  const tx = client;

  const orgOf = (event: AuditEventInput) => event.orgId?.toLowerCase() ?? null; // as uuid columns read back
  const orgIds = [...new Set(events.map(orgOf))];
  const keys = orgIds.map(chainKey).sort();
  if (keys.length === 1) await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${keys[0]}, 0))`;
  else await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(k, 0)) FROM unnest(${keys}::text[]) WITH ORDINALITY AS t(k, n) ORDER BY n`;

  // Read after the lock: in READ COMMITTED each statement sees what committed before it started.
  const heads = await chainHeads(tx, orgIds);
  const createdAt = new Date();
  const rows = events.map((event): AuditEvent => {
    const orgId = orgOf(event);
    const head = heads.get(orgId) ?? { seq: 0n, hash: GENESIS_HASH };
    const fields = {
      id: uuidV7(createdAt.getTime()),
      createdAt,
      orgId,
      seq: head.seq + 1n,
      action: event.action,
      actorType: event.actor.type,
      actorId: event.actor.id ?? null,
      actorLabel: event.actor.label ?? null,
      targetType: event.target?.type ?? null,
      targetId: event.target?.id ?? null,
      targetLabel: event.target?.label ?? null,
      // Hashed as it will read back from jsonb (no undefined, no Date objects).
      detail: JSON.parse(JSON.stringify(event.detail ?? {})) as Prisma.JsonObject,
      ip: event.context?.ip ?? null,
      userAgent: event.context?.userAgent ?? null,
      requestId: event.context?.requestId ?? null,
      outcome: event.outcome ?? "success",
    };
    const hash = auditHash(head.hash, fields);
    heads.set(orgId, { seq: fields.seq, hash });
    return { ...fields, prevHash: head.hash, hash };
  });

  await insertEvents(tx, rows);
  return rows;
}

type Head = { seq: bigint; hash: string };

async function chainHeads(tx: Tx, orgIds: (string | null)[]): Promise<Map<string | null, Head>> {
  const rows = await tx.$queryRaw<{ orgId: string | null; seq: bigint; hash: string }[]>`
    SELECT c.org::text AS "orgId", h.seq, h.hash
    FROM unnest(${orgIds}::uuid[]) AS c(org)
    CROSS JOIN LATERAL (
      (SELECT seq, hash FROM "AuditEvent" WHERE c.org IS NOT NULL AND "orgId" = c.org ORDER BY seq DESC LIMIT 1)
      UNION ALL
      (SELECT seq, hash FROM "AuditEvent" WHERE c.org IS NULL AND "orgId" IS NULL ORDER BY seq DESC LIMIT 1)
    ) AS h`;
  return new Map(rows.map((row) => [row.orgId, { seq: BigInt(row.seq), hash: row.hash }]));
}

/** The events and their outbox rows in one statement: one round trip while the chain locks are held. */
async function insertEvents(tx: Tx, rows: AuditEvent[]): Promise<void> {
  const column = <T>(pick: (row: AuditEvent) => T) => rows.map(pick);
  await tx.$executeRaw`
    WITH event AS (
      INSERT INTO "AuditEvent" (id, "createdAt", "orgId", seq, "prevHash", hash, "actorType", "actorId", "actorLabel", action,
        "targetType", "targetId", "targetLabel", detail, ip, "userAgent", "requestId", outcome)
      SELECT id::uuid, created::timestamptz AT TIME ZONE 'UTC', org::uuid, seq::bigint, prev, hash, actor_type::"ActorType", actor_id, actor_label, action,
        target_type, target_id, target_label, detail::jsonb, ip, user_agent, request_id, outcome::"AuditOutcome"
      FROM unnest(
        ${column((r) => r.id)}::text[], ${column((r) => r.createdAt.toISOString())}::text[], ${column((r) => r.orgId)}::text[],
        ${column((r) => r.seq.toString())}::text[], ${column((r) => r.prevHash)}::text[], ${column((r) => r.hash)}::text[],
        ${column((r) => r.actorType)}::text[], ${column((r) => r.actorId)}::text[], ${column((r) => r.actorLabel)}::text[],
        ${column((r) => r.action)}::text[], ${column((r) => r.targetType)}::text[], ${column((r) => r.targetId)}::text[],
        ${column((r) => r.targetLabel)}::text[], ${column((r) => JSON.stringify(r.detail))}::text[], ${column((r) => r.ip)}::text[],
        ${column((r) => r.userAgent)}::text[], ${column((r) => r.requestId)}::text[], ${column((r) => r.outcome)}::text[]
      ) AS t(id, created, org, seq, prev, hash, actor_type, actor_id, actor_label, action, target_type, target_id, target_label, detail, ip, user_agent, request_id, outcome)
      RETURNING id, "orgId", action, "createdAt"
    )
    INSERT INTO "AuditOutbox" ("eventId", "orgId", action, "createdAt") SELECT id, "orgId", action, "createdAt" FROM event WHERE "orgId" IS NOT NULL`;
}
