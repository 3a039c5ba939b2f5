import type { Db } from "@/lib/db/client";
import { ensureCan, type OrgContext } from "@/lib/orgs/org-context";

/** The org's invoices, newest period first. */
export async function listInvoices(db: Db, ctx: OrgContext) {
  ensureCan(ctx, "billing:read");
  return db.invoice.findMany({
    where: { orgId: ctx.org.id },
    orderBy: { periodStart: "desc" },
    select: { number: true, plan: true, periodStart: true, periodEnd: true, status: true, totalCents: true, currency: true, createdAt: true, paidAt: true },
  });
}
