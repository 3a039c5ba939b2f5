import type { Tier } from "@/generated/prisma/client";
import type { Db } from "@/lib/db/client";
import { ConflictError } from "@/lib/errors/domain-errors";
import { getAccountUsage } from "@/lib/nats/get-account-usage";
import type { NatsRuntime } from "@/lib/nats/provision-org-account";
import { formatBytes } from "@/lib/streams/format-bytes";
import { isDowngrade, PLANS, type Plan } from "./plans";

export type PlanUsage = { members: number; streams: number; fileBytes: number; memoryBytes: number };

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;

/** What must be reduced before `plan` fits `usage`, one phrase each; empty when it fits. */
export function planExcess(plan: Plan, usage: PlanUsage): string[] {
  const excess: string[] = [];
  const over = (used: number, limit: number) => (limit === -1 ? 0 : Math.max(0, used - limit));
  const streams = over(usage.streams, plan.nats.jetStream.streams);
  if (streams) excess.push(`delete ${plural(streams, "stream")} (you have ${usage.streams}, ${plan.name} allows ${plan.nats.jetStream.streams})`);
  const members = over(usage.members, plan.seats.max);
  if (members) excess.push(`remove ${plural(members, "member")} (you have ${usage.members}, ${plan.name} allows ${plan.seats.max})`);
  const file = over(usage.fileBytes, plan.nats.jetStream.disk_storage);
  if (file) excess.push(`free ${formatBytes(file)} of stream file storage (${plan.name} allows ${formatBytes(plan.nats.jetStream.disk_storage)})`);
  const memory = over(usage.memoryBytes, plan.nats.jetStream.mem_storage);
  if (memory) excess.push(`free ${formatBytes(memory)} of stream memory storage (${plan.name} allows ${formatBytes(plan.nats.jetStream.mem_storage)})`);
  return excess;
}

/**
 * Refuses a downgrade the org's current usage would violate, saying exactly
 * what to reduce. Streams and storage are counted by the NATS servers (JSZ),
 * members from the database. Upgrades always pass.
 */
export async function ensurePlanFitsUsage(db: Db, nats: NatsRuntime | null, orgId: string, from: Tier, to: Tier): Promise<void> {
  if (!isDowngrade(from, to)) return;
  const org = await db.org.findUniqueOrThrow({ where: { id: orgId }, select: { natsAccount: true } });
  const [members, usage] = await Promise.all([db.membership.count({ where: { orgId } }), getAccountUsage(nats, org.natsAccount)]);
  if (!usage.available)
    throw new ConflictError(`Cordon cannot check your streams and storage right now (${usage.reason}), so it cannot downgrade yet; try again shortly.`, "tier");
  const plan = PLANS[to];
  const excess = planExcess(plan, {
    members,
    streams: usage.jetStream?.streams ?? 0,
    fileBytes: usage.jetStream?.storage ?? 0,
    memoryBytes: usage.jetStream?.memory ?? 0,
  });
  if (excess.length) throw new ConflictError(`Your usage does not fit the ${plan.name} plan. To downgrade, first ${excess.join("; ")}.`, "tier");
}
