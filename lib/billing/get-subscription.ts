import type { Subscription } from "@/generated/prisma/client";
import type { Db } from "@/lib/db/client";
import type { Tx } from "@/lib/db/transaction";
import { periodContaining } from "./billing-period";

/**
 * The org's subscription, created on first use for orgs that predate billing
 * (or were just created): the org's current plan, active, this month.
 */
export async function getSubscription(db: Db | Tx, orgId: string, now = new Date()): Promise<Subscription> {
  const existing = await db.subscription.findUnique({ where: { orgId } });
  if (existing) return existing;
  const org = await db.org.findUniqueOrThrow({ where: { id: orgId }, select: { tier: true } });
  const period = periodContaining(now);
  // upsert: two first reads at once must not collide on the unique orgId.
  return db.subscription.upsert({
    where: { orgId },
    create: { orgId, plan: org.tier, currentPeriodStart: period.start, currentPeriodEnd: period.end },
    update: {},
  });
}
