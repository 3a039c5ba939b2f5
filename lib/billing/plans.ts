import type { Tier } from "@/generated/prisma/client";
import type { RateLimitRule } from "@/lib/rate-limit/consume-rate-limit";

/**
 * Everything a plan means for NATS: account limits (every one written out:
 * nats-server reads a missing limit as zero; -1 is unlimited) and the
 * defaults of the org's streams.
 */
export type NatsLimits = {
  account: { conn: number; subs: number; payload: number; data: number; leaf: number; imports: number; exports: number; wildcards: true };
  jetStream: { mem_storage: number; disk_storage: number; streams: number; consumer: number };
  streamDefaults: { maxBytes: number; maxAgeSeconds: number };
};

/** Metered usage billed beyond what the plan includes each period, per started block of `unit`. */
export type Overage = { metric: "api_requests" | "messages"; included: number; unit: number; unitCents: number };

export type Plan = {
  tier: Tier;
  name: string;
  /** The monthly base price, in cents of `CURRENCY`. */
  priceCents: number;
  /** Members the base price includes; `max` is how many the plan allows at all (-1: no limit). */
  seats: { included: number; max: number; extraCents: number };
  /** Requests per minute per user or API key on the org's API. */
  apiRateLimit: RateLimitRule;
  nats: NatsLimits;
  overage: Overage[];
};

export const CURRENCY = "usd";

const MB = 1024 * 1024;
const GB = 1024 * MB;
const HOUR = 3600;
const MINUTE_MS = 60_000;

/** The one definition of the plans: prices, seats, API rate limits and NATS limits all derive from it. */
export const PLANS: Record<Tier, Plan> = {
  free: {
    tier: "free",
    name: "Free",
    priceCents: 0,
    seats: { included: 5, max: 5, extraCents: 0 },
    apiRateLimit: { limit: 100, windowMs: MINUTE_MS },
    nats: {
      account: { conn: 25, subs: 1_000, payload: 256 * 1024, data: -1, leaf: 0, imports: 10, exports: 10, wildcards: true },
      jetStream: { mem_storage: 64 * MB, disk_storage: 1 * GB, streams: 5, consumer: 25 },
      streamDefaults: { maxBytes: 256 * MB, maxAgeSeconds: 12 * HOUR },
    },
    overage: [],
  },
  pro: {
    tier: "pro",
    name: "Pro",
    priceCents: 49_00,
    seats: { included: 10, max: 100, extraCents: 10_00 },
    apiRateLimit: { limit: 1_000, windowMs: MINUTE_MS },
    nats: {
      account: { conn: 250, subs: 10_000, payload: 1 * MB, data: -1, leaf: 5, imports: 50, exports: 50, wildcards: true },
      jetStream: { mem_storage: 256 * MB, disk_storage: 5 * GB, streams: 25, consumer: 250 },
      streamDefaults: { maxBytes: 1 * GB, maxAgeSeconds: 24 * HOUR },
    },
    overage: [
      { metric: "api_requests", included: 1_000_000, unit: 100_000, unitCents: 1_00 },
      { metric: "messages", included: 50_000_000, unit: 1_000_000, unitCents: 50 },
    ],
  },
  enterprise: {
    tier: "enterprise",
    name: "Enterprise",
    priceCents: 499_00,
    seats: { included: 50, max: -1, extraCents: 8_00 },
    apiRateLimit: { limit: 10_000, windowMs: MINUTE_MS },
    nats: {
      account: { conn: 5_000, subs: -1, payload: 1 * MB, data: -1, leaf: -1, imports: -1, exports: -1, wildcards: true },
      jetStream: { mem_storage: 1 * GB, disk_storage: 50 * GB, streams: 200, consumer: -1 },
      streamDefaults: { maxBytes: 10 * GB, maxAgeSeconds: 7 * 24 * HOUR },
    },
    overage: [
      { metric: "api_requests", included: 20_000_000, unit: 1_000_000, unitCents: 5_00 },
      { metric: "messages", included: 1_000_000_000, unit: 10_000_000, unitCents: 2_00 },
    ],
  },
};

export const PLAN_ORDER = ["free", "pro", "enterprise"] as const satisfies readonly Tier[];

/** Whether moving from `from` to `to` lowers the plan (and so may need usage reduced first). */
export function isDowngrade(from: Tier, to: Tier): boolean {
  return PLAN_ORDER.indexOf(to) < PLAN_ORDER.indexOf(from);
}

/** Formats cents of `CURRENCY` as "$49.00". */
export function formatCents(cents: number): string {
  return new Intl.NumberFormat("en-US", { style: "currency", currency: CURRENCY }).format(cents / 100);
}
