"use client";

import { startTransition, useActionState, type FormEvent } from "react";
import { updateNatsUserAction, type IssuedCreds as Issued } from "@/app/(console)/orgs/[slug]/nats/users/actions";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import type { NatsUserView } from "@/lib/nats-users/nats-user-view";
import type { ActionResult } from "@/lib/orgs/org-action";
import { ExpiryField } from "./expiry-field";
import { IssuedCreds } from "./issued-creds";
import { LimitFields } from "./limit-fields";
import { PermissionEditor } from "./permission-editor";

/**
 * Edit a user. A user holds its JWT, so new permissions, expiry or limits
 * come with new credentials (shown here once) and revoke the current ones; a
 * description alone changes nothing on the servers. A device's subjects are
 * fixed. The page's simulator tries the saved permissions.
 */
export function EditNatsUserForm({ slug, user, natsUrl }: { slug: string; user: NatsUserView; natsUrl: string }) {
  const [state, formAction, pending] = useActionState<ActionResult<Issued | null>, FormData>(updateNatsUserAction.bind(null, slug, user.id), { ok: true });
  const errors = state.ok ? undefined : state.fieldErrors;
  const issued = state.ok ? state.data : null;
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(() => formAction(form));
  };
  return (
    <div className="flex flex-col gap-4">
      {issued && <IssuedCreds userName={issued.userName} creds={issued.creds} natsUrl={natsUrl} pushError={issued.pushError} />}
      <form onSubmit={onSubmit} className="flex flex-col gap-5" noValidate>
        {state.ok && state.message && <Notice tone="success">{state.message}</Notice>}
        {!state.ok && !state.fieldErrors && <Notice tone="error">{state.error}</Notice>}
        <Field label="Description" name="description" maxLength={500} defaultValue={user.description} errors={errors?.description} />
        {user.kind === "device" ? (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">A device&apos;s subjects follow from its license key and cannot be edited.</p>
        ) : (
          <fieldset className="flex flex-col gap-3">
            <legend className="mb-2 text-sm font-semibold">Permissions</legend>
            {errors?.permissions && <Notice tone="error">{errors.permissions.join(" ")}</Notice>}
            <PermissionEditor defaultValue={user.permissions} />
          </fieldset>
        )}
        <ExpiryField defaultValue={user.expiresAt} errors={errors?.expiresAt} />
        <LimitFields defaults={user} errors={errors} />
        <Notice>Saving new permissions, an expiry or limits issues new credentials on a new key and revokes the current ones.</Notice>
        <div>
          <Button type="submit" pending={pending}>
            Save
          </Button>
        </div>
      </form>
    </div>
  );
}
