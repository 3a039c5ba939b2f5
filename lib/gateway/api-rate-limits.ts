import type { Tier } from "@/generated/prisma/client";
import type { RateLimitRule } from "@/lib/rate-limit/consume-rate-limit";

const MINUTE = 60_000;

/** Requests per minute per user or API key, by the plan of the org addressed (Free outside an org). */
export const API_RATE_LIMITS: Record<Tier, RateLimitRule> = {
  free: { limit: 100, windowMs: MINUTE },
  pro: { limit: 1_000, windowMs: MINUTE },
  enterprise: { limit: 10_000, windowMs: MINUTE },
};

/** Calls without credentials, per client IP. */
export const ANONYMOUS_RATE_LIMIT: RateLimitRule = { limit: 60, windowMs: MINUTE };

/** Sign-in, refresh and logout, per client IP: stricter, they are what password guessing hits. */
export const AUTH_RATE_LIMIT: RateLimitRule = { limit: 20, windowMs: MINUTE };
