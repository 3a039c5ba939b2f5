import type { Db } from "@/lib/db/client";
import { provisionOrgAccount, type NatsRuntime } from "./provision-org-account";

export type ReconcileReport = { orgs: number; pushed: number; failed: number; ms: number };

/**
 * Converges NATS to the database: rebuilds and pushes the account of every
 * live org (or only those not yet converged), a bounded number at a time.
 * Pushing unchanged claims is harmless, so running it again is always safe.
 */
export async function reconcileAccounts(
  db: Db,
  nats: NatsRuntime,
  options: { onlyUnconverged?: boolean; concurrency?: number } = {},
): Promise<ReconcileReport> {
  const started = Date.now();
  const orgs = await db.org.findMany({
    where: { deletedAt: null, ...(options.onlyUnconverged ? { OR: [{ status: "pending" }, { natsError: { not: null } }] } : {}) },
    select: { id: true },
    orderBy: { createdAt: "asc" },
  });
  let next = 0;
  let pushed = 0;
  let failed = 0;
  const worker = async () => {
    while (next < orgs.length) {
      const { id } = orgs[next++];
      if ((await provisionOrgAccount(db, nats, id)).ok) pushed++;
      else failed++;
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 8, orgs.length) }, worker));
  return { orgs: orgs.length, pushed, failed, ms: Date.now() - started };
}
