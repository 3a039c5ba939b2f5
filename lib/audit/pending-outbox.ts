import type { AuditEvent } from "@/generated/prisma/client";
import type { Tx } from "@/lib/db/transaction";

/**
 * The oldest org events not yet published, for the relay to publish on the
 * org's `audit.<action>`. Rows are locked until the caller's transaction ends
 * and skipped by concurrent relays, so two relays never take the same event;
 * only committed events are ever here (the row is written with the event).
 */
export async function pendingOutbox(tx: Tx, limit = 100): Promise<AuditEvent[]> {
  // Only orgs whose account is on the servers: a pending org's events wait without holding up the others.
  const claimed = await tx.$queryRaw<{ eventId: string }[]>`
    SELECT b."eventId" FROM "AuditOutbox" b JOIN "Org" o ON o.id = b."orgId"
    WHERE b."publishedAt" IS NULL AND o.status = 'active' AND o."natsDeletedAt" IS NULL
    ORDER BY b."createdAt", b."eventId" LIMIT ${limit} FOR UPDATE OF b SKIP LOCKED`;
  if (!claimed.length) return [];
  const events = await tx.auditEvent.findMany({ where: { id: { in: claimed.map((row) => row.eventId) } } });
  // In each org's chain order, so subscribers see an org's events as they happened.
  return events.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.seq < b.seq ? -1 : a.seq > b.seq ? 1 : 0));
}

/** Marks events as published (after the NATS acknowledgement); returns how many were still pending. */
export async function markOutboxPublished(tx: Tx, eventIds: string[], at = new Date()): Promise<number> {
  if (!eventIds.length) return 0;
  const { count } = await tx.auditOutbox.updateMany({ where: { eventId: { in: eventIds }, publishedAt: null }, data: { publishedAt: at } });
  return count;
}
