"use client";

import { useActionState, useId, useState } from "react";
import { changePlanAction } from "@/app/(console)/orgs/[slug]/billing/actions";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import type { PlanChange } from "@/lib/billing/change-plan";
import type { ActionResult } from "@/lib/orgs/org-action";

export type BillingPlanOption = { value: string; label: string; price: string };

function Outcome({ state, labelOf }: { state: ActionResult<PlanChange>; labelOf: (plan: string) => string }) {
  if (!state.ok) return <Notice tone="error">{state.error}</Notice>;
  const change = state.data?.change;
  if (!change) return null;
  if (!change.changed) return <Notice>The organisation is already on {labelOf(change.tier)}.</Notice>;
  if (change.push.ok) return <Notice tone="success">Plan changed to {labelOf(change.tier)}. The new limits are live on the NATS servers.</Notice>;
  return (
    <Notice tone="error">
      Plan changed to {labelOf(change.tier)}, but the NATS servers have not applied the new limits yet ({change.push.error}). Cordon retries automatically.
    </Notice>
  );
}

const initial: ActionResult<PlanChange> = { ok: true };

/** Picks a plan and confirms it: with the local provider it applies at once; with Stripe it continues at checkout. */
export function BillingPlanForm({ slug, plan, options, provider }: { slug: string; plan: string; options: BillingPlanOption[]; provider: string }) {
  const [selected, setSelected] = useState(plan);
  const [confirming, setConfirming] = useState(false);
  const [state, action, pending] = useActionState(async (previous: ActionResult<PlanChange>, form: FormData) => {
    const result = await changePlanAction(slug, previous, form);
    setConfirming(false);
    return result;
  }, initial);
  const selectId = useId();
  const labelOf = (value: string) => options.find((option) => option.value === value)?.label ?? value;
  return (
    <form action={action} className="flex max-w-xl flex-col gap-3">
      <Outcome state={state} labelOf={labelOf} />
      <label htmlFor={selectId} className="text-sm font-medium">
        Plan
      </label>
      <select
        id={selectId}
        name="plan"
        value={selected}
        onChange={(event) => setSelected(event.target.value)}
        className="rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm dark:border-zinc-700 dark:bg-zinc-900"
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}: {option.price}
          </option>
        ))}
      </select>
      {confirming ? (
        <div role="group" aria-label="Confirm the plan change" className="flex flex-col gap-2">
          <p className="text-sm">
            Change the plan from {labelOf(plan)} to {labelOf(selected)}?{" "}
            {provider === "stripe"
              ? "You continue at Stripe's checkout; the new limits apply once the payment is confirmed."
              : "The new limits apply at once to every connection, stream and message of this organisation."}
          </p>
          <span className="inline-flex gap-2">
            <Button type="submit" pending={pending}>
              Confirm plan change
            </Button>
            <Button type="button" variant="secondary" onClick={() => setConfirming(false)}>
              Cancel
            </Button>
          </span>
        </div>
      ) : (
        <div>
          <Button type="button" variant="secondary" disabled={selected === plan} onClick={() => setConfirming(true)}>
            Change plan
          </Button>
        </div>
      )}
    </form>
  );
}
