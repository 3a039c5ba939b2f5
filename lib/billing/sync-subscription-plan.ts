import type { Tier } from "@/generated/prisma/client";
import type { Tx } from "@/lib/db/transaction";
import { getSubscription } from "./get-subscription";

/** Keeps the subscription's plan equal to the org's tier; called inside the tier change's transaction. */
export async function syncSubscriptionPlan(tx: Tx, orgId: string, plan: Tier): Promise<void> {
  await getSubscription(tx, orgId);
  await tx.subscription.update({ where: { orgId }, data: { plan } });
}
