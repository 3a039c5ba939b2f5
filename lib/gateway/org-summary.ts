import type { Tier } from "@/generated/prisma/client";
import type { Db } from "@/lib/db/client";

export type OrgSummary = { id: string; tier: Tier; corsOrigins: string[] };

const TTL_MS = 5_000;
const MAX_ENTRIES = 10_000;
const cache = new Map<string, { value: OrgSummary | null; expires: number }>();

/**
 * What the gateway needs of an org before it knows who is calling: its plan
 * (rate limit) and allowed browser origins (CORS). Cached for a few seconds
 * per instance: a plan or CORS change takes effect within 5 s, while the
 * access decision itself (membership, permissions) is always read fresh.
 */
export async function orgSummary(db: Db, slug: string, now = Date.now()): Promise<OrgSummary | null> {
  const hit = cache.get(slug);
  if (hit && hit.expires > now) return hit.value;
  const value = await db.org.findFirst({ where: { slug, deletedAt: null }, select: { id: true, tier: true, corsOrigins: true } });
  if (cache.size >= MAX_ENTRIES) cache.clear();
  cache.set(slug, { value, expires: now + TTL_MS });
  return value;
}
