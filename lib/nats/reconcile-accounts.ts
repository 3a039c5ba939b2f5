import type { Db } from "@/lib/db/client";
import { activeRevocations } from "./account-revocations";
import { ensureStreamsAfterPush, pushOrgAccountOnly, recordPushOutcomes, type NatsRuntime, type PushOutcome } from "./provision-org-account";

export type ReconcileReport = { orgs: number; pushed: number; failed: number; ms: number };

/** `task` over every item, at most `concurrency` at a time; results in completion order. */
async function bounded<T, R>(items: T[], concurrency: number, task: (item: T) => Promise<R>, onDone?: (done: number) => void): Promise<R[]> {
  const results: R[] = [];
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      results.push(await task(items[next++]));
      onDone?.(results.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}

/**
 * Converges NATS to the database: rebuilds and pushes the account of every
 * live org (or only those not yet converged) and ensures its streams, a
 * bounded number at a time (which also bounds the org connections in use),
 * and records all outcomes in one transaction. Pushing unchanged claims and
 * ensuring existing streams are harmless, so running it again is always safe.
 */
export async function reconcileAccounts(
  db: Db,
  nats: NatsRuntime,
  options: { onlyUnconverged?: boolean; concurrency?: number; onProgress?: (done: number, total: number) => void } = {},
): Promise<ReconcileReport> {
  const started = Date.now();
  const orgs = await db.org.findMany({
    where: { deletedAt: null, ...(options.onlyUnconverged ? { OR: [{ status: "pending" }, { natsError: { not: null } }] } : {}) },
    orderBy: { createdAt: "asc" },
    include: activeRevocations(),
  });
  const concurrency = options.concurrency ?? 32;
  // Every push first, then the streams: on nats-server 2.9 a client's authentication waits behind account
  // updates, and with 32 pushes in flight the pool's connects failed with "Authentication Timeout".
  const pushed = await bounded(
    orgs,
    concurrency,
    (org) => pushOrgAccountOnly(nats, org),
    (done) => options.onProgress?.(done, orgs.length),
  );
  const outcomes: PushOutcome[] = await bounded(pushed, concurrency, (outcome) => ensureStreamsAfterPush(nats, outcome));
  await db.$transaction((tx) => recordPushOutcomes(tx, outcomes), { timeout: 60_000 });
  const converged = outcomes.filter((o) => o.ok).length;
  return { orgs: orgs.length, pushed: converged, failed: outcomes.length - converged, ms: Date.now() - started };
}
