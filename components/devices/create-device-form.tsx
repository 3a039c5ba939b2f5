"use client";

import { startTransition, useActionState, useState, type FormEvent } from "react";
import { createDeviceAction, type CreatedDeviceSecrets } from "@/app/(console)/orgs/[slug]/nats/devices/actions";
import { IssuedCreds } from "@/components/nats-users/issued-creds";
import { Button } from "@/components/ui/button";
import { CopyField } from "@/components/ui/copy-field";
import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import type { ActionResult } from "@/lib/orgs/org-action";

const syncSnippet = (origin: string, key: string) => `curl -H "X-License-Key: ${key}" "${origin}/api/v1/devices/sync"
# next time, from where this answer ended:
curl -H "X-License-Key: ${key}" "${origin}/api/v1/devices/sync?since=<cursor>"`;

function CreatedDevice({ created, natsUrl, origin, onDone }: { created: CreatedDeviceSecrets; natsUrl: string; origin: string; onDone: () => void }) {
  return (
    <div className="flex flex-col gap-3">
      <CopyField label={`License key of ${created.name} (shown once)`} value={created.licenseKey} />
      <p className="text-xs text-zinc-600 dark:text-zinc-400">
        The device&apos;s subjects are <code>events.license.{created.licensePrefix}.&gt;</code> (the key&apos;s public part), plus broadcasts on{" "}
        <code>events.license.*.broadcast.&gt;</code>. With the license key it fetches what it missed while offline:
      </p>
      <pre tabIndex={0} className="overflow-x-auto rounded-md bg-zinc-100 p-3 font-mono text-xs dark:bg-zinc-800">
        <code>{syncSnippet(origin, created.licenseKey)}</code>
      </pre>
      <IssuedCreds
        userName={created.name}
        creds={created.creds}
        natsUrl={natsUrl}
        example={{ publish: `events.license.${created.licensePrefix}.status`, subscribe: `events.license.${created.licensePrefix}.>` }}
        onDone={onDone}
      />
    </div>
  );
}

/** Register a device: its license key and NATS credentials are shown once. */
export function CreateDeviceForm({ slug, natsUrl, origin }: { slug: string; natsUrl: string; origin: string }) {
  const [state, formAction, pending] = useActionState<ActionResult<CreatedDeviceSecrets>, FormData>(createDeviceAction.bind(null, slug), { ok: true });
  const created = state.ok && state.data ? state.data : null;
  const [dismissed, setDismissed] = useState<string | null>(null);
  const [formKey, setFormKey] = useState("new");
  if (created && created.licensePrefix !== formKey) setFormKey(created.licensePrefix);
  const errors = state.ok ? undefined : state.fieldErrors;
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(() => formAction(form));
  };
  return (
    <div className="flex flex-col gap-4">
      {created && created.licensePrefix !== dismissed && (
        <CreatedDevice created={created} natsUrl={natsUrl} origin={origin} onDone={() => setDismissed(created.licensePrefix)} />
      )}
      <form key={formKey} onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
        {!state.ok && !state.fieldErrors && <Notice tone="error">{state.error}</Notice>}
        <div className="grid gap-4 md:grid-cols-2">
          <Field label="Name" name="name" required maxLength={64} errors={errors?.name} hint="e.g. till-12. Letters, digits, '.', '-' and '_'." />
          <Field label="Description" name="description" maxLength={500} errors={errors?.description} hint="Optional: where it is, who has it." />
        </div>
        <div>
          <Button type="submit" pending={pending}>
            Register device
          </Button>
        </div>
      </form>
    </div>
  );
}
