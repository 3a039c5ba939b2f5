import type { Db } from "@/lib/db/client";
import { getAccountUsage } from "@/lib/nats/get-account-usage";
import type { NatsRuntime } from "@/lib/nats/provision-org-account";
import { ensureCan, type OrgContext } from "@/lib/orgs/org-context";
import { periodContaining } from "./billing-period";
import { buildInvoiceLines } from "./build-invoice-lines";
import { getSubscription } from "./get-subscription";
import { getUsageHistory } from "./get-usage-history";
import { paymentProvider, type PaymentProvider } from "./payment-provider";
import { PLANS } from "./plans";
import { sumUsage } from "./sum-usage";

/** One usage figure against its limit (-1: no limit; null used: not known right now). */
export type Meter = { key: string; label: string; used: number | null; limit: number; unit: "count" | "bytes" };

/**
 * Everything the Billing page and `GET /billing` show: subscription and
 * plan, live usage against the plan's limits, this period's metered totals
 * and the invoice they would make so far, daily history, the period's
 * threshold alerts and the provider in use.
 */
export async function getBillingOverview(db: Db, nats: NatsRuntime | null, ctx: OrgContext, provider: PaymentProvider = paymentProvider(), now = new Date()) {
  ensureCan(ctx, "billing:read");
  const subscription = await getSubscription(db, ctx.org.id, now);
  const plan = PLANS[ctx.org.tier];
  const period = periodContaining(now);
  const [live, members, metered, history, alerts] = await Promise.all([
    getAccountUsage(nats, ctx.org.natsAccount),
    db.membership.count({ where: { orgId: ctx.org.id } }),
    sumUsage(db, ctx.org.id, period),
    getUsageHistory(db, ctx.org.id, 30, now),
    db.usageAlert.findMany({ where: { orgId: ctx.org.id, periodStart: period.start }, orderBy: [{ threshold: "desc" }, { createdAt: "asc" }] }),
  ]);
  const js = live.available ? live.jetStream : null;
  const meters: Meter[] = [
    { key: "members", label: "Seats", used: members, limit: plan.seats.max, unit: "count" },
    { key: "connections", label: "Connections", used: live.available ? live.connections : null, limit: plan.nats.account.conn, unit: "count" },
    { key: "streams", label: "Streams", used: js?.streams ?? null, limit: plan.nats.jetStream.streams, unit: "count" },
    { key: "storage_bytes", label: "Stream file storage", used: js?.storage ?? null, limit: plan.nats.jetStream.disk_storage, unit: "bytes" },
    { key: "memory_bytes", label: "Stream memory storage", used: js?.memory ?? null, limit: plan.nats.jetStream.mem_storage, unit: "bytes" },
  ];
  return {
    subscription: {
      plan: subscription.plan,
      status: subscription.status,
      currentPeriodStart: subscription.currentPeriodStart,
      currentPeriodEnd: subscription.currentPeriodEnd,
      cancelAtPeriodEnd: subscription.cancelAtPeriodEnd,
      provider: provider.name,
    },
    plan,
    meters,
    usageUnavailable: live.available ? null : live.reason,
    period: { start: period.start, end: period.end, members, ...metered },
    estimate: buildInvoiceLines(plan, { members, metered }),
    history,
    alerts: alerts.map((alert) => ({
      metric: alert.metric,
      threshold: alert.threshold,
      value: Number(alert.value),
      limit: Number(alert.limit),
      at: alert.createdAt,
    })),
  };
}

export type BillingOverview = Awaited<ReturnType<typeof getBillingOverview>>;
