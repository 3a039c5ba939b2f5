import type { AuditActor } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db/client";
import { deleteOrgAccount } from "@/lib/nats/delete-org-account";
import type { NatsRuntime } from "@/lib/nats/provision-org-account";
import { DELETE_GRACE_DAYS } from "./delete-org";

export const PURGER: AuditActor = { type: "system", label: "org purge" };

export type PurgeReport = { due: number; deleted: string[]; failed: { slug: string; error: string }[] };

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Removes the NATS account of every org deleted more than DELETE_GRACE_DAYS
 * before `now` (a few at a time, at most `batch` per run; the rest wait for
 * the next run). A failure is reported and retried on the next run.
 *
 * A purged account is never pushed again: the reconciler and every push path
 * take only orgs with `deletedAt` null, and a push that read the org while it
 * was live was queued days before the purge (the grace period), in the same
 * per-account queue the deletion waits in.
 */
export async function purgeDeletedOrgs(
  db: Db,
  nats: Pick<NatsRuntime, "system" | "keys">,
  now = new Date(),
  options: { concurrency?: number; batch?: number } = {},
): Promise<PurgeReport> {
  const orgs = await db.org.findMany({
    where: { deletedAt: { lt: new Date(now.getTime() - DELETE_GRACE_DAYS * DAY_MS) }, natsDeletedAt: null },
    orderBy: { deletedAt: "asc" },
    take: options.batch ?? 100,
    select: { id: true, slug: true, natsAccount: true, natsKeyGeneration: true },
  });
  const report: PurgeReport = { due: orgs.length, deleted: [], failed: [] };
  let next = 0;
  const worker = async () => {
    while (next < orgs.length) {
      const org = orgs[next++];
      try {
        await deleteOrgAccount(db, nats, org, PURGER);
        report.deleted.push(org.slug);
      } catch (error) {
        report.failed.push({ slug: org.slug, error: (error as Error).message });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 4, orgs.length) }, worker));
  return report;
}
