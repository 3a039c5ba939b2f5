"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { changePlan, type PlanChange } from "@/lib/billing/change-plan";
import { openBillingPortal } from "@/lib/billing/open-billing-portal";
import { payInvoice } from "@/lib/billing/pay-invoice";
import { natsRuntime } from "@/lib/boot/boot-state";
import { getDb } from "@/lib/db/client";
import { runOrgAction, type ActionResult } from "@/lib/orgs/org-action";

export async function changePlanAction(slug: string, _previous: ActionResult<PlanChange>, form: FormData): Promise<ActionResult<PlanChange>> {
  const result = await runOrgAction(slug, (ctx, context) => changePlan(getDb(), natsRuntime(), ctx, { plan: form.get("plan") }, context));
  // Stripe: the member finishes at its checkout; the webhook applies the plan.
  if (result.ok && result.data?.checkoutUrl) redirect(result.data.checkoutUrl);
  revalidatePath(`/orgs/${slug}`, "layout");
  return result;
}

export async function payInvoiceAction(slug: string, number: string, _previous: ActionResult, _form: FormData): Promise<ActionResult> {
  const result = await runOrgAction(
    slug,
    async (ctx, context) => {
      await payInvoice(getDb(), ctx, number, context);
      return undefined;
    },
    "Payment confirmed. The invoice is paid.",
  );
  revalidatePath(`/orgs/${slug}/billing`, "layout");
  return result;
}

export async function openPortalAction(slug: string, _previous: ActionResult<string>, _form: FormData): Promise<ActionResult<string>> {
  const result = await runOrgAction(slug, (ctx, context) => openBillingPortal(getDb(), ctx, context));
  if (result.ok && result.data) redirect(result.data);
  return result;
}
