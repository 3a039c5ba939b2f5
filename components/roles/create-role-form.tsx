"use client";

import { useActionState } from "react";
import { createRoleAction } from "@/app/(console)/orgs/[slug]/roles/actions";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import type { ActionResult } from "@/lib/orgs/org-action";
import { PERMISSION_CATALOGUE } from "@/lib/rbac/permissions";

export function CreateRoleForm({ slug }: { slug: string }) {
  const [state, action, pending] = useActionState<ActionResult, FormData>(createRoleAction.bind(null, slug), { ok: true });
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      {state.ok && state.message && <Notice tone="success">{state.message}</Notice>}
      {!state.ok && !state.fieldErrors && <Notice tone="error">{state.error}</Notice>}
      <div className="grid gap-4 md:grid-cols-2">
        <Field label="Role name" name="name" required errors={state.ok ? undefined : state.fieldErrors?.name} />
        <Field label="Description" name="description" errors={state.ok ? undefined : state.fieldErrors?.description} />
      </div>
      <fieldset className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        <legend className="mb-2 text-sm font-medium">Permissions</legend>
        {PERMISSION_CATALOGUE.map((group) => (
          <div key={group.resource} className="rounded-md border border-zinc-200 p-3 dark:border-zinc-800">
            <div className="mb-1 text-xs font-semibold text-zinc-600 uppercase dark:text-zinc-400">{group.label}</div>
            {group.actions.map(({ action: verb, label }) => (
              <label key={verb} className="flex items-center gap-2 text-sm">
                <input type="checkbox" name="permissions" value={`${group.resource}:${verb}`} />
                {label} <code className="text-xs text-zinc-500">{`${group.resource}:${verb}`}</code>
              </label>
            ))}
          </div>
        ))}
      </fieldset>
      <div>
        <Button type="submit" pending={pending}>
          Create role
        </Button>
      </div>
    </form>
  );
}
