"use client";

import { useActionState } from "react";
import { deleteOrgAction, leaveOrgAction, updateOrgAction, updateProfileAction } from "@/app/(console)/orgs/[slug]/settings/actions";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import type { ActionResult } from "@/lib/orgs/org-action";

function Outcome({ state }: { state: ActionResult<unknown> }) {
  if (state.ok && state.message) return <Notice tone="success">{state.message}</Notice>;
  if (!state.ok && !state.fieldErrors) return <Notice tone="error">{state.error}</Notice>;
  return null;
}

const initial = { ok: true } as const;

export function OrgSettingsForm({
  slug,
  name,
  requireMfa,
  corsOrigins,
  canEdit,
}: {
  slug: string;
  name: string;
  requireMfa: boolean;
  corsOrigins: string[];
  canEdit: boolean;
}) {
  const [state, action, pending] = useActionState(updateOrgAction.bind(null, slug), initial);
  return (
    <form action={action} className="flex max-w-md flex-col gap-4" noValidate>
      <Outcome state={state} />
      <fieldset disabled={!canEdit} className="flex flex-col gap-4 disabled:opacity-70">
        <Field label="Name" name="name" defaultValue={name} required errors={state.ok ? undefined : state.fieldErrors?.name} />
        <Field
          label="URL name"
          name="slug"
          defaultValue={slug}
          required
          errors={state.ok ? undefined : state.fieldErrors?.slug}
          hint="Changing it changes every console and API URL of this organisation."
        />
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" name="requireMfa" defaultChecked={requireMfa} className="mt-0.5" />
          <span>
            <span className="font-medium">Require two-factor authentication</span>
            <span className="block text-zinc-600 dark:text-zinc-400">Members without an authenticator app or passkey cannot enter this organisation.</span>
          </span>
        </label>
        <div className="flex flex-col gap-1 text-sm">
          <label htmlFor="corsOrigins" className="font-medium">
            Allowed browser origins
          </label>
          <textarea
            id="corsOrigins"
            name="corsOrigins"
            rows={3}
            defaultValue={corsOrigins.join("\n")}
            aria-describedby="corsOrigins-hint"
            aria-invalid={!state.ok && !!state.fieldErrors?.corsOrigins}
            className="rounded-md border border-zinc-300 bg-white px-3 py-2 font-mono text-xs dark:border-zinc-700 dark:bg-zinc-900"
            placeholder="https://app.example.com"
          />
          <span id="corsOrigins-hint" className="text-zinc-600 dark:text-zinc-400">
            One per line. Web apps on these origins may call this organisation&apos;s API with a token or API key (CORS); never with a session cookie.
          </span>
          {!state.ok && state.fieldErrors?.corsOrigins && <span className="text-red-700 dark:text-red-400">{state.fieldErrors.corsOrigins[0]}</span>}
        </div>
      </fieldset>
      {canEdit && (
        <div>
          <Button type="submit" pending={pending}>
            Save settings
          </Button>
        </div>
      )}
    </form>
  );
}

export function ProfileForm({ slug, name, jobTitle }: { slug: string; name: string; jobTitle: string }) {
  const [state, action, pending] = useActionState(updateProfileAction.bind(null, slug), initial);
  return (
    <form action={action} className="flex max-w-md flex-col gap-4" noValidate>
      <Outcome state={state} />
      <Field label="Display name" name="name" defaultValue={name} required errors={state.ok ? undefined : state.fieldErrors?.name} />
      <Field label="Job title" name="jobTitle" defaultValue={jobTitle} errors={state.ok ? undefined : state.fieldErrors?.jobTitle} />
      <div>
        <Button type="submit" pending={pending}>
          Save profile
        </Button>
      </div>
    </form>
  );
}

export function LeaveOrgForm({ slug, orgName }: { slug: string; orgName: string }) {
  const [state, action, pending] = useActionState(leaveOrgAction.bind(null, slug), initial);
  return (
    <form action={action} className="flex flex-col gap-3">
      <Outcome state={state} />
      <div>
        <Button type="submit" variant="secondary" pending={pending}>
          Leave {orgName}
        </Button>
      </div>
    </form>
  );
}

export function DeleteOrgForm({ slug }: { slug: string }) {
  const [state, action, pending] = useActionState(deleteOrgAction.bind(null, slug), initial);
  return (
    <form action={action} className="flex max-w-md flex-col gap-3" noValidate>
      <Outcome state={state} />
      <Field label={`Type ${slug} to confirm`} name="confirmation" autoComplete="off" errors={state.ok ? undefined : state.fieldErrors?.confirmation} />
      <div>
        <Button type="submit" variant="danger" pending={pending}>
          Delete organisation
        </Button>
      </div>
    </form>
  );
}
