"use client";

import { useActionState } from "react";
import { openPortalAction } from "@/app/(console)/orgs/[slug]/billing/actions";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import type { ActionResult } from "@/lib/orgs/org-action";

const initial: ActionResult<string> = { ok: true };

/** Sends the member to Stripe's customer portal (payment methods, invoices, cancelling). */
export function PortalForm({ slug }: { slug: string }) {
  const [state, action, pending] = useActionState(openPortalAction.bind(null, slug), initial);
  return (
    <form action={action} className="mt-4 flex flex-col gap-2">
      {!state.ok && <Notice tone="error">{state.error}</Notice>}
      <div>
        <Button type="submit" variant="secondary" pending={pending}>
          Manage payment at Stripe
        </Button>
      </div>
    </form>
  );
}
