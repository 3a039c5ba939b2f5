import type { Db } from "@/lib/db/client";
import { ConflictError } from "@/lib/errors/domain-errors";
import type { HttpContext } from "@/lib/http/request-context";
import { ensureCan, type OrgContext } from "@/lib/orgs/org-context";
import { getSubscription } from "./get-subscription";
import { paymentProvider, type PaymentProvider } from "./payment-provider";

/** The provider's customer portal (payment methods, invoices, cancelling) for the org, to send the member to. */
export async function openBillingPortal(db: Db, ctx: OrgContext, context: HttpContext, provider: PaymentProvider = paymentProvider()): Promise<string> {
  ensureCan(ctx, "billing:write");
  const subscription = await getSubscription(db, ctx.org.id);
  const url = await provider.portalUrl({ org: ctx.org, subscription, returnUrl: `${context.origin}/orgs/${ctx.org.slug}/billing` });
  if (!url) throw new ConflictError("There is no customer portal yet: it opens once a paid plan has been checked out.");
  return url;
}
