import type { Tx } from "@/lib/db/transaction";

export type RateLimitRule = { limit: number; windowMs: number };
export type RateLimitResult = { allowed: boolean; limit: number; remaining: number; resetAt: Date };

/**
 * Counts one hit against `key` in a fixed window and says whether it is
 * allowed. One atomic upsert in PostgreSQL, so every app instance shares the
 * count and the limit is exact. Fixed windows: one row per key, cheap and
 * exact; the cost is that a burst can straddle a window edge (2× for an instant).
 */
export async function consumeRateLimit(db: Tx, key: string, rule: RateLimitRule, now = new Date()): Promise<RateLimitResult> {
  const windowStart = new Date(Math.floor(now.getTime() / rule.windowMs) * rule.windowMs);
  const [row] = await db.$queryRaw<{ count: number }[]>`
    INSERT INTO "RateLimitCounter" (key, "windowStart", count) VALUES (${key}, ${windowStart}, 1)
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN "RateLimitCounter"."windowStart" = EXCLUDED."windowStart" THEN "RateLimitCounter".count + 1 ELSE 1 END,
      "windowStart" = EXCLUDED."windowStart"
    RETURNING count`;
  const count = Number(row.count);
  return {
    allowed: count <= rule.limit,
    limit: rule.limit,
    remaining: Math.max(0, rule.limit - count),
    resetAt: new Date(windowStart.getTime() + rule.windowMs),
  };
}
