import type { Db } from "@/lib/db/client";
import { activeRevocations } from "./account-revocations";
import { pushOrgAccount, recordPushOutcomes, type NatsRuntime, type PushOutcome } from "./provision-org-account";

export type ReconcileReport = { orgs: number; pushed: number; failed: number; ms: number };

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
  const outcomes: PushOutcome[] = [];
  let next = 0;
  const worker = async () => {
    while (next < orgs.length) {
      outcomes.push(await pushOrgAccount(nats, orgs[next++]));
      options.onProgress?.(outcomes.length, orgs.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 32, orgs.length) }, worker));
  await db.$transaction((tx) => recordPushOutcomes(tx, outcomes), { timeout: 60_000 });
  const pushed = outcomes.filter((o) => o.ok).length;
  return { orgs: orgs.length, pushed, failed: outcomes.length - pushed, ms: Date.now() - started };
}
