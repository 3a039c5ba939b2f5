import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PayInvoiceForm } from "@/components/billing/pay-invoice-form";
import { PrintButton } from "@/components/billing/print-button";
import { NoAccess } from "@/components/console/no-access";
import { PageHeader } from "@/components/console/page-header";
import { Card } from "@/components/ui/card";
import { getInvoiceOrThrow } from "@/lib/billing/get-invoice-or-throw";
import { paymentProvider } from "@/lib/billing/payment-provider";
import { formatCents, PLANS } from "@/lib/billing/plans";
import { getDb } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors/domain-errors";
import { loadConsole } from "@/lib/orgs/load-console";
import { can } from "@/lib/orgs/org-context";

export const metadata: Metadata = { title: "Invoice" };

const day = (date: Date) => date.toISOString().slice(0, 10);

/** A printable invoice: the console chrome and buttons are hidden when printed. */
export default async function InvoicePage({ params }: { params: Promise<{ slug: string; number: string }> }) {
  const { slug, number } = await params;
  const { ctx } = await loadConsole(slug);
  if (!can(ctx, "billing:read")) return <NoAccess orgSlug={slug} orgName={ctx.org.name} title="Invoice" permission="billing:read" />;
  const invoice = await getInvoiceOrThrow(getDb(), ctx, decodeURIComponent(number)).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const total = formatCents(invoice.totalCents);
  return (
    <>
      <PageHeader orgSlug={slug} orgName={ctx.org.name} title={`Invoice ${invoice.number}`} />
      <div className="flex items-center justify-between gap-4 print:hidden">
        <Link className="text-sm underline" href={`/orgs/${slug}/billing`}>
          Back to billing
        </Link>
        <PrintButton />
      </div>
      <Card title={`${ctx.org.name}, ${PLANS[invoice.plan].name} plan`}>
        <dl className="mb-4 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
          <dt className="text-zinc-600 dark:text-zinc-400">Period</dt>
          <dd>
            {day(invoice.periodStart)} to {day(new Date(invoice.periodEnd.getTime() - 1))} (UTC)
          </dd>
          <dt className="text-zinc-600 dark:text-zinc-400">Issued</dt>
          <dd>{day(invoice.createdAt)}</dd>
          <dt className="text-zinc-600 dark:text-zinc-400">Status</dt>
          <dd className="capitalize">
            {invoice.status}
            {invoice.paidAt && ` on ${day(invoice.paidAt)}`}
          </dd>
        </dl>
        <table className="w-full text-sm">
          <caption className="sr-only">Line items</caption>
          <thead>
            <tr className="text-left text-zinc-600 dark:text-zinc-400">
              <th scope="col">Description</th>
              <th scope="col" className="text-right">
                Quantity
              </th>
              <th scope="col" className="text-right">
                Unit price
              </th>
              <th scope="col" className="text-right">
                Amount
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
            {invoice.lines.map((line) => (
              <tr key={line.position}>
                <td className="py-1.5">{line.description}</td>
                <td className="text-right">{line.quantity.toLocaleString("en-US")}</td>
                <td className="text-right">{formatCents(line.unitCents)}</td>
                <td className="text-right">{formatCents(line.amountCents)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={3} className="pt-3 text-left">
                Total ({invoice.currency.toUpperCase()})
              </th>
              <td className="pt-3 text-right font-semibold">{total}</td>
            </tr>
          </tfoot>
        </table>
      </Card>
      {invoice.status === "open" && can(ctx, "billing:write") && paymentProvider().confirmsPayments && (
        <PayInvoiceForm slug={slug} number={invoice.number} total={total} />
      )}
    </>
  );
}
