"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useActionState } from "react";
import { createEmailInviteAction, createLinkInviteAction, revokeInviteAction } from "@/app/(console)/orgs/[slug]/invites/actions";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { CopyField } from "@/components/ui/copy-field";
import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import type { ActionResult } from "@/lib/orgs/org-action";

type RoleOption = { value: string; label: string };

function RoleSelect({ roles, defaultValue = "member" }: { roles: RoleOption[]; defaultValue?: string }) {
  return (
    <label className="flex flex-col gap-1.5 text-sm">
      <span className="font-medium">Role</span>
      <select
        name="role"
        defaultValue={defaultValue}
        className="rounded-md border border-zinc-300 bg-white px-2 py-2 text-sm dark:border-zinc-700 dark:bg-zinc-900"
      >
        {roles.map((role) => (
          <option key={role.value} value={role.value}>
            {role.label}
          </option>
        ))}
      </select>
    </label>
  );
}

function Outcome({ state, linkLabel }: { state: ActionResult<string>; linkLabel: string }) {
  if (!state.ok) return state.fieldErrors ? null : <Notice tone="error">{state.error}</Notice>;
  if (!state.message) return null;
  return (
    <div className="flex flex-col gap-2">
      <Notice tone="success">{state.message}</Notice>
      {state.data && <CopyField label={linkLabel} value={state.data} />}
    </div>
  );
}

export function EmailInviteForm({ slug, roles }: { slug: string; roles: RoleOption[] }) {
  const [state, action, pending] = useActionState<ActionResult<string>, FormData>(createEmailInviteAction.bind(null, slug), { ok: true });
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <Outcome state={state} linkLabel="Invitation link (also emailed)" />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Email address" name="email" type="email" required errors={state.ok ? undefined : state.fieldErrors?.email} />
        <RoleSelect roles={roles} />
      </div>
      <div>
        <Button type="submit" pending={pending}>
          Send invitation
        </Button>
      </div>
    </form>
  );
}

export function LinkInviteForm({ slug, roles }: { slug: string; roles: RoleOption[] }) {
  const [state, action, pending] = useActionState<ActionResult<string>, FormData>(createLinkInviteAction.bind(null, slug), { ok: true });
  const errors = state.ok ? undefined : state.fieldErrors;
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <Outcome state={state} linkLabel="Shareable invite link" />
      <div className="grid gap-4 sm:grid-cols-3">
        <RoleSelect roles={roles} />
        <Field label="Expires after (days)" name="expiresInDays" type="number" min={1} max={30} defaultValue={7} errors={errors?.expiresInDays} />
        <Field label="Maximum uses" name="maxUses" type="number" min={1} max={1000} defaultValue={25} errors={errors?.maxUses} />
      </div>
      <div>
        <Button type="submit" pending={pending}>
          Create invite link
        </Button>
      </div>
    </form>
  );
}

export function RevokeInviteButton({ slug, inviteId, label }: { slug: string; inviteId: string; label: string }) {
  const router = useRouter();
  const mutation = useMutation({ mutationFn: () => revokeInviteAction(slug, inviteId), onSuccess: (result) => result.ok && router.refresh() });
  return (
    <ConfirmButton label={`Revoke ${label}`} confirmLabel="Revoke" pending={mutation.isPending} onConfirm={() => mutation.mutate()}>
      Revoke
    </ConfirmButton>
  );
}
