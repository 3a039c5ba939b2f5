import type { Tier } from "@/generated/prisma/client";
import { PLANS, type NatsLimits } from "@/lib/billing/plans";

/** What a plan means for NATS; defined with the rest of the plan in lib/billing/plans.ts. */
export type TierLimits = NatsLimits;

export const TIER_LIMITS: Record<Tier, TierLimits> = { free: PLANS.free.nats, pro: PLANS.pro.nats, enterprise: PLANS.enterprise.nats };
