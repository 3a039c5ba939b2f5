import { recordAudit } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db/client";
import { ConflictError } from "@/lib/errors/domain-errors";
import type { HttpContext } from "@/lib/http/request-context";
import { auditActor } from "@/lib/orgs/audit-actor";
import { ensureCan, type OrgContext } from "@/lib/orgs/org-context";
import { getInvoiceOrThrow } from "./get-invoice-or-throw";
import { paymentProvider, type PaymentProvider } from "./payment-provider";

/**
 * Pays an open invoice by confirmation, which only the local provider
 * accepts (Stripe's invoices are paid in its portal). Paying a paid invoice
 * again changes nothing; the conditional update makes a double click pay once.
 */
export async function payInvoice(db: Db, ctx: OrgContext, number: string, context: HttpContext, provider: PaymentProvider = paymentProvider()) {
  ensureCan(ctx, "billing:write");
  const invoice = await getInvoiceOrThrow(db, ctx, number);
  if (!provider.confirmsPayments) throw new ConflictError("Invoices are paid in the payment provider's customer portal.");
  if (invoice.status === "paid") return invoice;
  if (invoice.status !== "open") throw new ConflictError(`This invoice is ${invoice.status} and cannot be paid.`);
  await db.$transaction(async (tx) => {
    const { count } = await tx.invoice.updateMany({ where: { id: invoice.id, status: "open" }, data: { status: "paid", paidAt: new Date() } });
    if (!count) return;
    await recordAudit(tx, {
      action: "invoice.pay",
      actor: auditActor(ctx),
      orgId: ctx.org.id,
      target: { type: "invoice", id: invoice.id, label: invoice.number },
      detail: { totalCents: invoice.totalCents, currency: invoice.currency, provider: provider.name },
      context,
    });
  });
  return getInvoiceOrThrow(db, ctx, number);
}
