import type { Db } from "@/lib/db/client";
import { can, type OrgContext } from "@/lib/orgs/org-context";
import { periodContaining } from "./billing-period";
import { METRIC_NAMES } from "./check-usage-thresholds";
import type { GaugeMetric } from "./usage-metrics";

export type UsageAlertView = { metric: string; label: string; threshold: number };

/**
 * The limits the org reached this period, highest threshold per metric, for
 * the console banner. Only for members who may see billing (admins, by default).
 */
export async function listUsageAlerts(db: Db, ctx: OrgContext, now = new Date()): Promise<UsageAlertView[]> {
  if (!can(ctx, "billing:read")) return [];
  const alerts = await db.usageAlert.findMany({
    where: { orgId: ctx.org.id, periodStart: periodContaining(now).start },
    orderBy: { threshold: "desc" },
    select: { metric: true, threshold: true },
  });
  const highest = new Map<string, number>();
  for (const alert of alerts) if (!highest.has(alert.metric)) highest.set(alert.metric, alert.threshold);
  return [...highest].map(([metric, threshold]) => ({ metric, label: METRIC_NAMES[metric as GaugeMetric] ?? metric, threshold }));
}
