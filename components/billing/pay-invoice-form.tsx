"use client";

import { useActionState } from "react";
import { payInvoiceAction } from "@/app/(console)/orgs/[slug]/billing/actions";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import type { ActionResult } from "@/lib/orgs/org-action";

const initial: ActionResult = { ok: true };

/** The local provider's payment: confirming pays the invoice (no card, no external call). */
export function PayInvoiceForm({ slug, number, total }: { slug: string; number: string; total: string }) {
  const [state, action, pending] = useActionState(payInvoiceAction.bind(null, slug, number), initial);
  return (
    <form action={action} className="flex flex-col gap-2 print:hidden">
      {!state.ok && <Notice tone="error">{state.error}</Notice>}
      {state.ok && state.message && <Notice tone="success">{state.message}</Notice>}
      <div>
        <Button type="submit" pending={pending}>
          Confirm payment of {total}
        </Button>
      </div>
    </form>
  );
}
