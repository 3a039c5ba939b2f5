"use client";

import Link from "next/link";
import { startTransition, useActionState, useId, useState, type FormEvent } from "react";
import { createNatsUserAction, type IssuedCreds as Issued } from "@/app/(console)/orgs/[slug]/nats/users/actions";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { EMPTY_PERMISSION_SPEC, type NatsPermissionSpec } from "@/lib/nats-users/permission-spec";
import type { ActionResult } from "@/lib/orgs/org-action";
import { ExpiryField } from "./expiry-field";
import { IssuedCreds } from "./issued-creds";
import { LimitFields } from "./limit-fields";
import { PermissionEditor } from "./permission-editor";
import { PermissionSimulator } from "./permission-simulator";

const KINDS = [
  { value: "app", label: "App: a client application" },
  { value: "service", label: "Service: answers requests" },
  { value: "leaf", label: "Leaf: a self-hosted nats-server joining as a leaf node" },
];

function UserFields({ state, pending, submit }: { state: ActionResult<Issued>; pending: boolean; submit: (form: FormData) => void }) {
  const id = useId();
  const [permissions, setPermissions] = useState<NatsPermissionSpec>(EMPTY_PERMISSION_SPEC);
  const errors = state.ok ? undefined : state.fieldErrors;
  // Submitted by hand rather than through `action`, so a refused form keeps everything typed.
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    submit(new FormData(event.currentTarget));
  };
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-5" noValidate>
      {!state.ok && !state.fieldErrors && <Notice tone="error">{state.error}</Notice>}
      <div className="grid gap-4 md:grid-cols-2">
        <Field label="Name" name="name" required maxLength={64} errors={errors?.name} hint="Letters, digits, '.', '-' and '_'. The file is <name>.creds." />
        <div className="flex flex-col gap-1.5 text-sm">
          <label htmlFor={`${id}-kind`} className="font-medium">
            Kind
          </label>
          <select
            id={`${id}-kind`}
            name="kind"
            defaultValue="app"
            className="rounded-md border border-zinc-300 bg-white px-2 py-2 text-sm dark:border-zinc-700 dark:bg-zinc-900"
          >
            {KINDS.map((kind) => (
              <option key={kind.value} value={kind.value}>
                {kind.label}
              </option>
            ))}
          </select>
          <span className="text-xs text-zinc-600 dark:text-zinc-400">Devices get a license key too: register them under Devices.</span>
        </div>
      </div>
      <Field label="Description" name="description" maxLength={500} errors={errors?.description} hint="Optional: what uses these credentials." />
      <fieldset className="flex flex-col gap-3">
        <legend className="mb-2 text-sm font-semibold">Permissions</legend>
        {errors?.permissions && <Notice tone="error">{errors.permissions.join(" ")}</Notice>}
        <PermissionEditor onChange={setPermissions} />
      </fieldset>
      <div className="rounded-md border border-zinc-200 p-3 dark:border-zinc-800">
        <PermissionSimulator permissions={permissions} />
      </div>
      <ExpiryField errors={errors?.expiresAt} />
      <LimitFields errors={errors} />
      <div>
        <Button type="submit" pending={pending}>
          Create user and issue credentials
        </Button>
      </div>
    </form>
  );
}

/** Create a NATS user: name, kind, permissions (from a template, checked as typed, tried in the simulator), expiry and limits; the creds are shown once. */
export function CreateNatsUserForm({ slug, natsUrl }: { slug: string; natsUrl: string }) {
  const [state, formAction, pending] = useActionState<ActionResult<Issued>, FormData>(createNatsUserAction.bind(null, slug), { ok: true });
  const created = state.ok && state.data ? state.data : null;
  const [dismissed, setDismissed] = useState<string | null>(null);
  // Each new user remounts the fields, so the next one starts blank; a refused attempt keeps them.
  const [formKey, setFormKey] = useState("new");
  if (created && created.userId !== formKey) setFormKey(created.userId);
  return (
    <div className="flex flex-col gap-4">
      {created && created.userId !== dismissed && (
        <div className="flex flex-col gap-2">
          <IssuedCreds
            userName={created.userName}
            creds={created.creds}
            natsUrl={natsUrl}
            leafnodeConfig={created.leafnodeConfig}
            onDone={() => setDismissed(created.userId)}
          />
          <Link href={`/orgs/${slug}/nats/users/${created.userId}`} className="text-sm text-emerald-800 hover:underline dark:text-emerald-300">
            Open {created.userName}
          </Link>
        </div>
      )}
      <UserFields key={formKey} state={state} pending={pending} submit={(form) => startTransition(() => formAction(form))} />
    </div>
  );
}
