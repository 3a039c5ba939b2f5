import { recordAudit } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/is-unique-violation";
import { buildInvoiceLines, invoiceNumber } from "./build-invoice-lines";
import { getSubscription } from "./get-subscription";
import { CURRENCY, PLANS } from "./plans";
import { sumUsage } from "./sum-usage";

const INCLUDE_LINES = { lines: { orderBy: { position: "asc" } } } as const;

/**
 * Issues the org's invoice for the period starting at `periodStart` (base +
 * seats + metered overage), or returns the one already issued: generation is
 * idempotent per (org, period), also when two run at once. A zero total is
 * paid at once; anything else is open until the provider confirms payment.
 */
export async function generateInvoice(db: Db, orgId: string, period: { start: Date; end: Date }) {
  const existing = await db.invoice.findUnique({ where: { orgId_periodStart: { orgId, periodStart: period.start } }, include: INCLUDE_LINES });
  if (existing) return existing;
  const subscription = await getSubscription(db, orgId);
  const plan = PLANS[subscription.plan];
  const [members, metered] = await Promise.all([db.membership.count({ where: { orgId } }), sumUsage(db, orgId, period)]);
  const { lines, totalCents } = buildInvoiceLines(plan, { members, metered });
  const number = invoiceNumber(orgId, period.start);
  try {
    return await db.$transaction(async (tx) => {
      const invoice = await tx.invoice.create({
        data: {
          orgId,
          number,
          plan: plan.tier,
          periodStart: period.start,
          periodEnd: period.end,
          status: totalCents === 0 ? "paid" : "open",
          paidAt: totalCents === 0 ? new Date() : null,
          totalCents,
          currency: CURRENCY,
          lines: { create: lines.map((line, position) => ({ ...line, position })) },
        },
        include: INCLUDE_LINES,
      });
      await recordAudit(tx, {
        action: "invoice.create",
        actor: { type: "system", label: "billing" },
        orgId,
        target: { type: "invoice", id: invoice.id, label: number },
        detail: { plan: plan.tier, totalCents, currency: CURRENCY, periodStart: period.start.toISOString() },
      });
      return invoice;
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return db.invoice.findUniqueOrThrow({ where: { orgId_periodStart: { orgId, periodStart: period.start } }, include: INCLUDE_LINES });
  }
}
