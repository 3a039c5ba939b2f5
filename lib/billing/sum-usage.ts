import type { Db } from "@/lib/db/client";
import type { PeriodUsage } from "./build-invoice-lines";

/** The metered totals of a period that overage is billed on. */
export async function sumUsage(db: Db, orgId: string, period: { start: Date; end: Date }): Promise<PeriodUsage["metered"]> {
  const sums = await db.usageRecord.groupBy({
    by: ["metric"],
    where: { orgId, metric: { in: ["api_requests", "messages_in", "messages_out"] }, bucketStart: { gte: period.start, lt: period.end } },
    _sum: { value: true },
  });
  const total = (metric: string) => Number(sums.find((row) => row.metric === metric)?._sum.value ?? 0n);
  return { api_requests: total("api_requests"), messages: total("messages_in") + total("messages_out") };
}
