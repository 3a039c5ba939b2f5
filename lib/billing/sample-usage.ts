import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/db/client";
import { getAccountUsage } from "@/lib/nats/get-account-usage";
import type { NatsRuntime } from "@/lib/nats/provision-org-account";
import { hourBucket } from "./billing-period";
import { checkUsageThresholds } from "./check-usage-thresholds";
import { drainApiRequestCounts } from "./count-api-request";
import { COUNTER_METRICS, type GaugeMetric, type UsageMetric } from "./usage-metrics";

type Row = { orgId: string; metric: UsageMetric; value: number };
type Cumulative = Record<"messages_in" | "messages_out" | "bytes_in" | "bytes_out", number>;

// The servers report traffic since they loaded the account; we store the difference between samples.
const holder = globalThis as typeof globalThis & { __cordonTraffic?: Map<string, Cumulative> };

/** The traffic since the previous sample; a lower reading means the server restarted and counts from zero. */
function trafficDelta(orgId: string, now: Cumulative): Partial<Cumulative> {
  const seen = (holder.__cordonTraffic ??= new Map());
  const before = seen.get(orgId);
  seen.set(orgId, now);
  if (!before) return {}; // first sample of this process: a baseline, or a restart would count everything again
  return Object.fromEntries(
    Object.entries(now).map(([key, value]) => [key, value >= before[key as keyof Cumulative] ? value - before[key as keyof Cumulative] : value]),
  );
}

const SAMPLE_CONCURRENCY = 8;

/**
 * One metering pass: reads every active org's usage from the system account
 * (gauges: connections, storage, streams; counters: messages and bytes in and
 * out) plus the gateway's API request counts, writes them into hourly
 * UsageRecords in one statement, then checks the 80%/100% thresholds.
 */
export async function sampleUsage(db: Db, nats: NatsRuntime | null, now = new Date()): Promise<{ orgs: number; rows: number }> {
  const rows: Row[] = [...drainApiRequestCounts()].map(([orgId, value]) => ({ orgId, metric: "api_requests", value }));
  const orgs = nats
    ? await db.org.findMany({
        where: { deletedAt: null, status: "active", natsAccount: { not: null } },
        select: { id: true, name: true, slug: true, tier: true, natsAccount: true },
      })
    : [];
  const gaugesByOrg = new Map<string, Partial<Record<GaugeMetric, number>>>();
  for (let i = 0; i < orgs.length; i += SAMPLE_CONCURRENCY) {
    await Promise.all(
      orgs.slice(i, i + SAMPLE_CONCURRENCY).map(async (org) => {
        const usage = await getAccountUsage(nats, org.natsAccount);
        if (!usage.available) return;
        const gauges: Partial<Record<GaugeMetric, number>> = { connections: usage.connections };
        if (usage.jetStream)
          Object.assign(gauges, { storage_bytes: usage.jetStream.storage, memory_bytes: usage.jetStream.memory, streams: usage.jetStream.streams });
        gaugesByOrg.set(org.id, gauges);
        const traffic = trafficDelta(org.id, {
          messages_in: usage.messages.in,
          messages_out: usage.messages.out,
          bytes_in: usage.bytes.in,
          bytes_out: usage.bytes.out,
        });
        for (const [metric, value] of Object.entries({ ...gauges, ...traffic })) rows.push({ orgId: org.id, metric: metric as UsageMetric, value });
      }),
    );
  }
  if (rows.length) {
    const bucket = hourBucket(now);
    const values = rows.map((row) => Prisma.sql`(${row.orgId}::uuid, ${row.metric}, ${bucket}, ${BigInt(Math.round(row.value))})`);
    await db.$executeRaw`
      INSERT INTO "UsageRecord" ("orgId", "metric", "bucketStart", "value") VALUES ${Prisma.join(values)}
      ON CONFLICT ("orgId", "metric", "bucketStart") DO UPDATE SET "value" =
        CASE WHEN EXCLUDED."metric" = ANY(${[...COUNTER_METRICS]}::text[]) THEN "UsageRecord"."value" + EXCLUDED."value"
             ELSE GREATEST("UsageRecord"."value", EXCLUDED."value") END`;
  }
  for (const org of orgs) {
    const gauges = gaugesByOrg.get(org.id);
    if (gauges) await checkUsageThresholds(db, org, gauges, now);
  }
  return { orgs: gaugesByOrg.size, rows: rows.length };
}
