import type { Db } from "@/lib/db/client";

export type UsageDay = { day: string; connections: number; storageBytes: number; messages: number; apiRequests: number };

/**
 * Usage per UTC day for the last `days` days, oldest first, days without
 * records included as zeros: gauges as the day's peak, counters as its sum.
 */
export async function getUsageHistory(db: Db, orgId: string, days = 30, now = new Date()): Promise<UsageDay[]> {
  const since = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - (days - 1)));
  const rows = await db.$queryRaw<{ day: Date; metric: string; value: bigint }[]>`
    SELECT date_trunc('day', "bucketStart") AS day, metric,
           CASE WHEN metric IN ('connections', 'storage_bytes') THEN MAX(value) ELSE SUM(value)::bigint END AS value
    FROM "UsageRecord"
    WHERE "orgId" = ${orgId}::uuid AND "bucketStart" >= ${since}
      AND metric IN ('connections', 'storage_bytes', 'messages_in', 'messages_out', 'api_requests')
    GROUP BY 1, 2`;
  const history: UsageDay[] = Array.from({ length: days }, (_, i) => ({
    day: new Date(since.getTime() + i * 86_400_000).toISOString().slice(0, 10),
    connections: 0,
    storageBytes: 0,
    messages: 0,
    apiRequests: 0,
  }));
  for (const row of rows) {
    const day = history.find((entry) => entry.day === row.day.toISOString().slice(0, 10));
    if (!day) continue;
    const value = Number(row.value);
    if (row.metric === "connections") day.connections = value;
    else if (row.metric === "storage_bytes") day.storageBytes = value;
    else if (row.metric === "api_requests") day.apiRequests = value;
    else day.messages += value;
  }
  return history;
}
