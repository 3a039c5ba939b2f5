"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import type { ActionResult } from "@/lib/orgs/org-action";

type TeamValues = { name: string; description: string; role: string };

/** Create or edit a team: name, description and the role its members inherit. */
export function TeamForm({
  action,
  roles,
  values,
  submitLabel,
}: {
  action: (state: ActionResult, form: FormData) => Promise<ActionResult>;
  roles: { value: string; label: string }[];
  values?: TeamValues;
  submitLabel: string;
}) {
  const [state, formAction, pending] = useActionState<ActionResult, FormData>(action, { ok: true });
  const errors = state.ok ? undefined : state.fieldErrors;
  return (
    <form action={formAction} className="flex max-w-xl flex-col gap-4" noValidate>
      {state.ok && state.message && <Notice tone="success">{state.message}</Notice>}
      {!state.ok && !state.fieldErrors && <Notice tone="error">{state.error}</Notice>}
      <Field label="Team name" name="name" required defaultValue={values?.name} errors={errors?.name} />
      <Field label="Description" name="description" defaultValue={values?.description} errors={errors?.description} />
      <label className="flex flex-col gap-1.5 text-sm">
        <span className="font-medium">Role granted to its members</span>
        <select
          name="role"
          defaultValue={values?.role ?? ""}
          className="rounded-md border border-zinc-300 bg-white px-2 py-2 text-sm dark:border-zinc-700 dark:bg-zinc-900"
        >
          <option value="">No role (a team for grouping only)</option>
          {roles.map((role) => (
            <option key={role.value} value={role.value}>
              {role.label}
            </option>
          ))}
        </select>
        {errors?.role && <span className="text-xs text-red-700 dark:text-red-400">{errors.role.join(" ")}</span>}
      </label>
      <div>
        <Button type="submit" pending={pending}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
