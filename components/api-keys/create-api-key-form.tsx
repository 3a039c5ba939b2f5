"use client";

import { startTransition, useActionState, useState, type FormEvent } from "react";
import { createApiKeyAction, type CreatedApiKey } from "@/app/(console)/orgs/[slug]/api-keys/actions";
import { Button } from "@/components/ui/button";
import { CopyField } from "@/components/ui/copy-field";
import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { API_KEY_EXPIRY_PRESETS, DEFAULT_API_KEY_EXPIRY_DAYS } from "@/lib/api-keys/api-key-status";
import type { ActionResult } from "@/lib/orgs/org-action";
import type { Permission } from "@/lib/rbac/permissions";
import { ScopePicker } from "./scope-picker";

/** The new key, shown once: it is not stored anywhere it could be shown again. */
function CreatedKey({ created, onDone }: { created: CreatedApiKey; onDone: () => void }) {
  return (
    <div className="flex flex-col gap-3 rounded-md border border-amber-300 bg-amber-50 p-4 dark:border-amber-800 dark:bg-amber-950/40">
      <Notice tone="success">
        API key “{created.name}” created. <strong>Copy it now: you won’t see it again.</strong>
      </Notice>
      <CopyField label="Your new API key" value={created.key} />
      <p className="text-xs text-zinc-600 dark:text-zinc-400">
        Send it as <code>Authorization: Bearer cdn_…</code>. If you lose it, revoke it and create another.
      </p>
      <div>
        <Button type="button" variant="secondary" onClick={onDone}>
          I have copied it
        </Button>
      </div>
    </div>
  );
}

function KeyFields({
  grantable,
  state,
  pending,
  submit,
}: {
  grantable: readonly Permission[];
  state: ActionResult<CreatedApiKey>;
  pending: boolean;
  submit: (form: FormData) => void;
}) {
  const errors = state.ok ? undefined : state.fieldErrors;
  // Submitted by hand rather than through `action`, so a rejected form keeps what was typed and ticked.
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    submit(new FormData(event.currentTarget));
  };
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      {!state.ok && !state.fieldErrors && <Notice tone="error">{state.error}</Notice>}
      <div className="grid gap-4 md:grid-cols-2">
        <Field label="Name" name="name" required maxLength={80} hint="What uses the key, e.g. “CI deploys”." errors={errors?.name} />
        <label className="flex flex-col gap-1.5 text-sm">
          <span className="font-medium">Expires</span>
          <select
            name="expiresInDays"
            defaultValue={String(DEFAULT_API_KEY_EXPIRY_DAYS)}
            aria-invalid={errors?.expiresInDays ? true : undefined}
            className="rounded-md border border-zinc-300 bg-white px-2 py-2 text-sm dark:border-zinc-700 dark:bg-zinc-900"
          >
            {API_KEY_EXPIRY_PRESETS.map((preset) => (
              <option key={preset.label} value={preset.days === null ? "" : String(preset.days)}>
                {preset.days === null ? "Never" : `In ${preset.label}`}
              </option>
            ))}
          </select>
          {errors?.expiresInDays && <span className="text-xs text-red-700 dark:text-red-400">{errors.expiresInDays.join(" ")}</span>}
        </label>
      </div>
      <ScopePicker grantable={grantable} errors={errors?.scopes} />
      <div>
        <Button type="submit" pending={pending}>
          Create API key
        </Button>
      </div>
    </form>
  );
}

export function CreateApiKeyForm({ slug, grantable }: { slug: string; grantable: readonly Permission[] }) {
  const [state, formAction, pending] = useActionState<ActionResult<CreatedApiKey>, FormData>(createApiKeyAction.bind(null, slug), { ok: true });
  const [dismissed, setDismissed] = useState<string | null>(null);
  const created = state.ok && state.data ? state.data : null;
  // Each new key remounts the fields, so the next key starts from a blank form; a rejected attempt keeps them.
  const [formKey, setFormKey] = useState("new");
  if (created && created.key !== formKey) setFormKey(created.key);
  return (
    <div className="flex flex-col gap-4">
      {created && created.key !== dismissed && <CreatedKey created={created} onDone={() => setDismissed(created.key)} />}
      <KeyFields key={formKey} grantable={grantable} state={state} pending={pending} submit={(form) => startTransition(() => formAction(form))} />
    </div>
  );
}
