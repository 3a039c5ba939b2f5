"use client";

import { useActionState, useId, useState } from "react";
import { changeTierAction } from "@/app/(console)/orgs/[slug]/nats/actions";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import type { TierChange } from "@/lib/nats/change-tier";
import type { ActionResult } from "@/lib/orgs/org-action";

export type PlanOption = { value: string; label: string; summary: string };

function Outcome({ state, labelOf }: { state: ActionResult<TierChange>; labelOf: (tier: string) => string }) {
  if (!state.ok) return <Notice tone="error">{state.error}</Notice>;
  const change = state.data;
  if (!change) return null;
  if (!change.changed) return <Notice>The organisation is already on {labelOf(change.tier)}.</Notice>;
  if (change.push.ok) return <Notice tone="success">Plan changed to {labelOf(change.tier)}. The new limits are live on the NATS servers.</Notice>;
  return (
    <Notice tone="error">
      Plan changed to {labelOf(change.tier)}, but the NATS servers have not applied the new limits yet ({change.push.error}). Cordon retries automatically.
    </Notice>
  );
}

const initial: ActionResult<TierChange> = { ok: true };

/** Picks a plan, then asks once more: a plan change moves every limit of the account at once. */
export function PlanForm({ slug, tier, options }: { slug: string; tier: string; options: PlanOption[] }) {
  const [selected, setSelected] = useState(tier);
  const [confirming, setConfirming] = useState(false);
  const [state, action, pending] = useActionState(async (previous: ActionResult<TierChange>, form: FormData) => {
    const result = await changeTierAction(slug, previous, form);
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
        name="tier"
        value={selected}
        onChange={(event) => setSelected(event.target.value)}
        className="rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm dark:border-zinc-700 dark:bg-zinc-900"
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}: {option.summary}
          </option>
        ))}
      </select>
      {confirming ? (
        <div role="group" aria-label="Confirm the plan change" className="flex flex-col gap-2">
          <p className="text-sm">
            Change the plan from {labelOf(tier)} to {labelOf(selected)}? The new limits apply at once to every connection, stream and message of this
            organisation.
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
          <Button type="button" variant="secondary" disabled={selected === tier} onClick={() => setConfirming(true)}>
            Change plan
          </Button>
        </div>
      )}
    </form>
  );
}
