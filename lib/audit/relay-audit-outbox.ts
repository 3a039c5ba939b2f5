import { headers as natsHeaders } from "@nats-io/transport-node";
import type { Db } from "@/lib/db/client";
import type { NatsRuntime } from "@/lib/nats/provision-org-account";
import { auditEventView } from "./audit-event-view";
import { markOutboxPublished, pendingOutbox } from "./pending-outbox";

export type RelayReport = { published: number; failed: number };

const FLUSH_TIMEOUT_MS = 2_000;

/** Events claimed per run; a full batch means more may be waiting. */
export const RELAY_BATCH = 100;

function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms).unref())]);
}

/**
 * Publishes committed audit events to their org's own NATS account on
 * `audit.<action>` (so tenants can feed a SIEM), at least once: a batch is
 * claimed (rows locked, concurrent relays skip them), each org's events are
 * published through its pooled connection with `Nats-Msg-Id: <event id>`,
 * flushed (the server has them), and only then marked published in the same
 * transaction. An outage or crash in between means a re-publish with the same
 * id, which a JetStream stream on `audit.>` drops within its duplicate
 * window. NATS down delays events; it loses none.
 */
export async function relayAuditOutbox(db: Db, nats: NatsRuntime, limit = RELAY_BATCH): Promise<RelayReport> {
  return db.$transaction(
    async (tx) => {
      const events = await pendingOutbox(tx, limit);
      const orgs = new Map((await tx.org.findMany({ where: { id: { in: [...new Set(events.map((e) => e.orgId!))] } } })).map((org) => [org.id, org]));
      const published: string[] = [];
      let failed = 0;
      for (const [orgId, org] of orgs) {
        const batch = events.filter((event) => event.orgId === orgId);
        try {
          await nats.pool.withConnection(org, async (nc) => {
            for (const event of batch) {
              const headers = natsHeaders();
              headers.set("Nats-Msg-Id", event.id);
              nc.publish(`audit.${event.action}`, JSON.stringify(auditEventView(event)), { headers });
            }
            await within(nc.flush(), FLUSH_TIMEOUT_MS);
          });
          published.push(...batch.map((event) => event.id));
        } catch {
          failed += batch.length; // stays in the outbox for the next run
        }
      }
      await markOutboxPublished(tx, published);
      return { published: published.length, failed };
    },
    { timeout: 30_000 },
  );
}
