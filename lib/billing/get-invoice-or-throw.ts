import type { Db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors/domain-errors";
import { ensureCan, type OrgContext } from "@/lib/orgs/org-context";

/** One of the org's invoices by number, with its lines; another org's number is simply not found. */
export async function getInvoiceOrThrow(db: Db, ctx: OrgContext, number: string) {
  ensureCan(ctx, "billing:read");
  const invoice = await db.invoice.findFirst({ where: { orgId: ctx.org.id, number }, include: { lines: { orderBy: { position: "asc" } } } });
  if (!invoice) throw new NotFoundError("Invoice");
  return invoice;
}
