import type { Db } from "@/lib/db/client";
import type { NatsRuntime } from "@/lib/nats/provision-org-account";
import { closeDuePeriods } from "./close-due-periods";
import { sampleUsage } from "./sample-usage";

/** How often usage is sampled: often enough for hourly buckets and alerts, cheap on NATS. */
export const SAMPLE_INTERVAL_MS = 60_000;

const holder = globalThis as typeof globalThis & { __cordonBillingAt?: number };

/**
 * The boot loop's billing step (it ticks every few seconds): at most once a
 * minute, meter usage and close the billing periods that have ended.
 */
export async function runBillingCycle(db: Db, nats: NatsRuntime | null, now = new Date()): Promise<void> {
  if (now.getTime() - (holder.__cordonBillingAt ?? 0) < SAMPLE_INTERVAL_MS) return;
  holder.__cordonBillingAt = now.getTime();
  const sample = await sampleUsage(db, nats, now);
  const closed = await closeDuePeriods(db, now);
  if (closed.invoiced) console.log(`[billing] ${sample.orgs} accounts sampled, ${closed.invoiced} invoices issued`);
}
