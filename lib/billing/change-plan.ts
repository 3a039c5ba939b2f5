import { z } from "zod";
import type { Tier } from "@/generated/prisma/client";
import type { Db } from "@/lib/db/client";
import { parseInput } from "@/lib/errors/domain-errors";
import type { HttpContext } from "@/lib/http/request-context";
import { applyTierChange, type TierChange } from "@/lib/nats/change-tier";
import type { NatsRuntime } from "@/lib/nats/provision-org-account";
import { auditActor } from "@/lib/orgs/audit-actor";
import { ensureCan, type OrgContext } from "@/lib/orgs/org-context";
import { ensurePlanFitsUsage } from "./ensure-plan-fits-usage";
import { getSubscription } from "./get-subscription";
import { paymentProvider, type PaymentProvider } from "./payment-provider";
import { PLAN_ORDER } from "./plans";

export const changePlanInput = z.object({ plan: z.enum(PLAN_ORDER, "Choose Free, Pro or Enterprise.") });

/** Either the change is made (`change`), or the member finishes it at the provider (`checkoutUrl`). */
export type PlanChange = { plan: Tier; change: TierChange | null; checkoutUrl: string | null };

/**
 * A member with billing:write changes the org's plan. With the local
 * provider it applies at once through the tier change (NATS limits pushed
 * live, `tier.change` audited, a downgrade that usage would violate refused);
 * with Stripe the same usage check runs first and the member is sent to
 * checkout, and the webhook applies the plan once it is paid.
 */
export async function changePlan(
  db: Db,
  nats: NatsRuntime | null,
  ctx: OrgContext,
  raw: unknown,
  context: HttpContext,
  provider: PaymentProvider = paymentProvider(),
): Promise<PlanChange> {
  ensureCan(ctx, "billing:write");
  const { plan } = parseInput(changePlanInput, raw, "plan");
  if (provider.name === "local") {
    return { plan, change: await applyTierChange(db, nats, ctx.org.id, { tier: plan }, auditActor(ctx), context), checkoutUrl: null };
  }
  await ensurePlanFitsUsage(db, nats, ctx.org.id, ctx.org.tier, plan);
  const subscription = await getSubscription(db, ctx.org.id);
  const checkoutUrl = await provider.startCheckout({ org: ctx.org, subscription, plan, returnUrl: `${context.origin}/orgs/${ctx.org.slug}/billing` });
  return { plan, change: null, checkoutUrl };
}
