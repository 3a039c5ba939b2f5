import type { Tier } from "@/generated/prisma/client";
import { PLANS } from "@/lib/billing/plans";
import type { RateLimitRule } from "@/lib/rate-limit/consume-rate-limit";

const MINUTE = 60_000;

/** Requests per minute per user or API key, by the plan of the org addressed (Free outside an org); set in lib/billing/plans.ts. */
export const API_RATE_LIMITS: Record<Tier, RateLimitRule> = {
  free: PLANS.free.apiRateLimit,
  pro: PLANS.pro.apiRateLimit,
  enterprise: PLANS.enterprise.apiRateLimit,
};

/** Calls without credentials, per client IP. */
export const ANONYMOUS_RATE_LIMIT: RateLimitRule = { limit: 60, windowMs: MINUTE };

/** Sign-in, refresh and logout, per client IP: stricter, they are what password guessing hits. */
export const AUTH_RATE_LIMIT: RateLimitRule = { limit: 20, windowMs: MINUTE };
