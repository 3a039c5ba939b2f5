import type { Db } from "@/lib/db/client";
import { periodContaining } from "./billing-period";
import { generateInvoice } from "./generate-invoice";

/**
 * Closes every subscription period that has ended: issues its invoice
 * (idempotent, so a crash between the two steps only repeats a no-op) and
 * moves the subscription to the period containing `now`. Stripe-backed
 * subscriptions are left out: Stripe sets their periods and invoices them.
 */
export async function closeDuePeriods(db: Db, now = new Date()): Promise<{ invoiced: number }> {
  const due = await db.subscription.findMany({ where: { provider: "local", currentPeriodEnd: { lte: now }, org: { deletedAt: null } } });
  for (const subscription of due) {
    await generateInvoice(db, subscription.orgId, { start: subscription.currentPeriodStart, end: subscription.currentPeriodEnd });
    const next = periodContaining(now);
    await db.subscription.update({ where: { id: subscription.id }, data: { currentPeriodStart: next.start, currentPeriodEnd: next.end } });
  }
  return { invoiced: due.length };
}
