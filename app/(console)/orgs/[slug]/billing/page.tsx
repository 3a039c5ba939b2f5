import type { Metadata } from "next";
import Link from "next/link";
import { BillingPlanForm } from "@/components/billing/billing-plan-form";
import { PortalForm } from "@/components/billing/portal-form";
import { HistoryChart, LimitsChart } from "@/components/billing/usage-charts";
import { NoAccess } from "@/components/console/no-access";
import { PageHeader } from "@/components/console/page-header";
import { amount } from "@/components/nats/amount";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { getBillingOverview } from "@/lib/billing/get-billing-overview";
import { listInvoices } from "@/lib/billing/list-invoices";
import { formatCents, PLAN_ORDER, PLANS } from "@/lib/billing/plans";
import { natsRuntime } from "@/lib/boot/boot-state";
import { getDb } from "@/lib/db/client";
import { loadConsole } from "@/lib/orgs/load-console";
import { can } from "@/lib/orgs/org-context";

export const metadata: Metadata = { title: "Billing" };

const day = (date: Date) => date.toISOString().slice(0, 10);
const STATUS_LABELS = { trialing: "Trial", active: "Active", past_due: "Past due", canceled: "Cancelled" } as const;

export default async function BillingPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { ctx } = await loadConsole(slug);
  if (!can(ctx, "billing:read")) return <NoAccess orgSlug={slug} orgName={ctx.org.name} title="Billing" permission="billing:read" />;
  const [overview, invoices] = await Promise.all([getBillingOverview(getDb(), natsRuntime(), ctx), listInvoices(getDb(), ctx)]);
  const { subscription, plan, meters, period, estimate } = overview;
  // The period ends at midnight starting the next one; people read the last day included.
  const lastDay = new Date(subscription.currentPeriodEnd.getTime() - 1);
  const bars = meters
    .filter((meter) => meter.used !== null && meter.limit > 0)
    .map((meter) => ({
      label: meter.label,
      percent: Math.round(((meter.used ?? 0) / meter.limit) * 1000) / 10,
      text: `${amount(meter.used ?? 0, meter.unit)} of ${amount(meter.limit, meter.unit)}`,
    }));
  const compare: [string, (tier: (typeof PLAN_ORDER)[number]) => string][] = [
    ["Price per month", (tier) => formatCents(PLANS[tier].priceCents)],
    ["Seats", (tier) => `${PLANS[tier].seats.included} included, up to ${amount(PLANS[tier].seats.max, "count")}`],
    ["API requests per minute", (tier) => amount(PLANS[tier].apiRateLimit.limit, "count")],
    ["NATS connections", (tier) => amount(PLANS[tier].nats.account.conn, "count")],
    ["Streams", (tier) => amount(PLANS[tier].nats.jetStream.streams, "count")],
    ["Stream file storage", (tier) => amount(PLANS[tier].nats.jetStream.disk_storage, "bytes")],
  ];
  return (
    <>
      <PageHeader orgSlug={slug} orgName={ctx.org.name} title="Billing" description="Your plan, usage against its limits, and invoices." />
      {subscription.status === "past_due" && <Notice tone="error">The last payment failed. Update the payment method to keep the plan.</Notice>}
      <Card title="Subscription">
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
          <dt className="text-zinc-600 dark:text-zinc-400">Plan</dt>
          <dd>
            {plan.name}, {formatCents(plan.priceCents)} per month
          </dd>
          <dt className="text-zinc-600 dark:text-zinc-400">Status</dt>
          <dd>
            {STATUS_LABELS[subscription.status]}
            {subscription.cancelAtPeriodEnd && ", cancels at the end of the period"}
          </dd>
          <dt className="text-zinc-600 dark:text-zinc-400">Current period</dt>
          <dd>
            {day(subscription.currentPeriodStart)} to {day(lastDay)} (UTC)
          </dd>
          <dt className="text-zinc-600 dark:text-zinc-400">Payments</dt>
          <dd>{subscription.provider === "stripe" ? "Stripe" : "Built-in (local): invoices are paid by confirming them here"}</dd>
        </dl>
        {subscription.provider === "stripe" && can(ctx, "billing:write") && <PortalForm slug={slug} />}
      </Card>
      <Card title="Usage" description="Live from the NATS servers and the database; at 80% and 100% of a limit admins are told once per period.">
        {overview.usageUnavailable && <p className="mb-3 text-sm text-zinc-600 dark:text-zinc-400">NATS usage unavailable: {overview.usageUnavailable}.</p>}
        <div className="grid gap-6 lg:grid-cols-2">
          <table className="w-full text-sm">
            <caption className="sr-only">Usage against plan limits</caption>
            <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
              {meters.map((meter) => (
                <tr key={meter.key}>
                  <th scope="row" className="py-1.5 text-left font-normal text-zinc-600 dark:text-zinc-400">
                    {meter.label}
                  </th>
                  <td className="py-1.5 text-right">
                    {meter.used === null ? "Unavailable" : amount(meter.used, meter.unit)} of {amount(meter.limit, meter.unit)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <LimitsChart bars={bars} />
        </div>
      </Card>
      <Card title="History" description="Per day over the last 30 days, from the usage sampled every minute.">
        <HistoryChart days={overview.history} />
        <details className="mt-2 text-sm">
          <summary className="cursor-pointer text-zinc-600 dark:text-zinc-400">As a table</summary>
          <table className="mt-2 w-full">
            <caption className="sr-only">Usage per day</caption>
            <thead>
              <tr className="text-left text-zinc-600 dark:text-zinc-400">
                <th scope="col">Day</th>
                <th scope="col">Peak connections</th>
                <th scope="col">Peak storage</th>
                <th scope="col">Messages</th>
                <th scope="col">API requests</th>
              </tr>
            </thead>
            <tbody>
              {overview.history.map((entry) => (
                <tr key={entry.day}>
                  <td>{entry.day}</td>
                  <td>{amount(entry.connections, "count")}</td>
                  <td>{amount(entry.storageBytes, "bytes")}</td>
                  <td>{amount(entry.messages, "count")}</td>
                  <td>{amount(entry.apiRequests, "count")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </Card>
      <Card title="This period" description={`Metered since ${day(period.start)}; the invoice is issued when the period ends.`}>
        <table className="w-full max-w-2xl text-sm">
          <caption className="sr-only">Estimated invoice for this period</caption>
          <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
            {estimate.lines.map((line) => (
              <tr key={line.description}>
                <th scope="row" className="py-1.5 text-left font-normal">
                  {line.description}
                  {line.quantity > 1 && ` (${line.quantity} × ${formatCents(line.unitCents)})`}
                </th>
                <td className="py-1.5 text-right">{formatCents(line.amountCents)}</td>
              </tr>
            ))}
            <tr>
              <th scope="row" className="py-1.5 text-left font-semibold">
                Estimate so far
              </th>
              <td className="py-1.5 text-right font-semibold">{formatCents(estimate.totalCents)}</td>
            </tr>
          </tbody>
        </table>
        <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
          {amount(period.api_requests, "count")} API requests and {amount(period.messages, "count")} NATS messages so far.
        </p>
      </Card>
      <Card
        title="Plans"
        description="Limits follow the plan and change on the NATS servers at once. A downgrade your usage exceeds says what to reduce first."
      >
        <table className="mb-4 w-full text-sm">
          <caption className="sr-only">Plans compared</caption>
          <thead>
            <tr>
              <td />
              {PLAN_ORDER.map((tier) => (
                <th key={tier} scope="col" className="py-1.5 text-right">
                  {PLANS[tier].name}
                  {tier === plan.tier && " (current)"}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
            {compare.map(([label, value]) => (
              <tr key={label}>
                <th scope="row" className="py-1.5 text-left font-normal text-zinc-600 dark:text-zinc-400">
                  {label}
                </th>
                {PLAN_ORDER.map((tier) => (
                  <td key={tier} className="py-1.5 text-right">
                    {value(tier)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        {can(ctx, "billing:write") && (
          <BillingPlanForm
            slug={slug}
            plan={plan.tier}
            provider={subscription.provider}
            options={PLAN_ORDER.map((tier) => ({ value: tier, label: PLANS[tier].name, price: `${formatCents(PLANS[tier].priceCents)} per month` }))}
          />
        )}
      </Card>
      <Card title="Invoices">
        {invoices.length === 0 ? (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">No invoices yet. The first is issued when this period ends.</p>
        ) : (
          <table className="w-full text-sm">
            <caption className="sr-only">Invoices</caption>
            <thead>
              <tr className="text-left text-zinc-600 dark:text-zinc-400">
                <th scope="col">Number</th>
                <th scope="col">Period</th>
                <th scope="col">Plan</th>
                <th scope="col">Status</th>
                <th scope="col" className="text-right">
                  Total
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
              {invoices.map((invoice) => (
                <tr key={invoice.number}>
                  <td className="py-1.5">
                    <Link className="underline" href={`/orgs/${slug}/billing/invoices/${invoice.number}`}>
                      {invoice.number}
                    </Link>
                  </td>
                  <td>{invoice.periodStart.toISOString().slice(0, 7)}</td>
                  <td>{PLANS[invoice.plan].name}</td>
                  <td className="capitalize">{invoice.status}</td>
                  <td className="text-right">{formatCents(invoice.totalCents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
    </>
  );
}
