import Link from "next/link";
import { Notice } from "@/components/ui/notice";
import { listUsageAlerts } from "@/lib/billing/list-usage-alerts";
import { getDb } from "@/lib/db/client";
import type { OrgContext } from "@/lib/orgs/org-context";

/** The console's banner when the org reached 80% or 100% of a plan limit this period. */
export async function UsageAlertBanner({ ctx }: { ctx: OrgContext }) {
  const alerts = await listUsageAlerts(getDb(), ctx);
  if (!alerts.length) return null;
  const full = alerts.some((alert) => alert.threshold >= 100);
  return (
    <Notice tone={full ? "error" : "info"}>
      {ctx.org.name} reached {alerts.map((alert) => `${alert.threshold}% of its ${alert.label} limit`).join(", ")} this period.{" "}
      <Link className="underline" href={`/orgs/${ctx.org.slug}/billing`}>
        Review usage or upgrade
      </Link>
      .
    </Notice>
  );
}
