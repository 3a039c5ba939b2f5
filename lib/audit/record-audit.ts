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

  await tx.auditEvent.createMany({ data: rows.map((row) => ({ ...row, detail: row.detail as Prisma.InputJsonObject })) });
  const outbox = rows.filter((row) => row.orgId).map((row) => ({ eventId: row.id, orgId: row.orgId!, action: row.action, createdAt: row.createdAt }));
  if (outbox.length) await tx.auditOutbox.createMany({ data: outbox });
  return rows;
}

type Head = { seq: bigint; hash: string };

async function chainHeads(tx: Tx, orgIds: (string | null)[]): Promise<Map<string | null, Head>> {
  const heads = new Map<string | null, Head>();
  const orgs = orgIds.filter((id): id is string => id !== null);
  if (orgs.length) {
    const rows = await tx.$queryRaw<{ orgId: string; seq: bigint; hash: string }[]>`
      SELECT c.org::text AS "orgId", h.seq, h.hash
      FROM unnest(${orgs}::uuid[]) AS c(org)
      CROSS JOIN LATERAL (SELECT seq, hash FROM "AuditEvent" WHERE "orgId" = c.org ORDER BY seq DESC LIMIT 1) AS h`;
    for (const row of rows) heads.set(row.orgId, { seq: BigInt(row.seq), hash: row.hash });
  }
  if (orgIds.includes(null)) {
    const head = await tx.auditEvent.findFirst({ where: { orgId: null }, orderBy: { seq: "desc" }, select: { seq: true, hash: true } });
    if (head) heads.set(null, head);
  }
  return heads;
}
