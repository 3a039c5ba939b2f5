"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useActionState } from "react";
import { addTeamMemberAction, deleteTeamAction, removeTeamMemberAction } from "@/app/(console)/orgs/[slug]/teams/actions";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import type { ActionResult } from "@/lib/orgs/org-action";

type Member = { membershipId: string; name: string; email: string };

function RemoveFromTeam({ slug, teamId, member }: { slug: string; teamId: string; member: Member }) {
  const router = useRouter();
  const mutation = useMutation({ mutationFn: () => removeTeamMemberAction(slug, teamId, member.membershipId), onSuccess: (r) => r.ok && router.refresh() });
  return (
    <ConfirmButton label={`Remove ${member.name} from the team`} confirmLabel="Remove" pending={mutation.isPending} onConfirm={() => mutation.mutate()}>
      Remove
    </ConfirmButton>
  );
}

export function TeamMembers({ slug, teamId, members, editable }: { slug: string; teamId: string; members: Member[]; editable: boolean }) {
  const [state, add, adding] = useActionState<ActionResult, FormData>(addTeamMemberAction.bind(null, slug, teamId), { ok: true });
  return (
    <div className="flex flex-col gap-4">
      {members.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">No one is in this team yet.</p>
      ) : (
        <ul aria-label="Team members" className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {members.map((member) => (
            <li key={member.membershipId} className="flex items-center justify-between py-2 text-sm">
              <span>
                <span className="font-medium">{member.name}</span> <span className="text-zinc-500">{member.email}</span>
              </span>
              {editable && <RemoveFromTeam slug={slug} teamId={teamId} member={member} />}
            </li>
          ))}
        </ul>
      )}
      {editable && (
        <form action={add} className="flex flex-wrap items-end gap-2" noValidate>
          <Field label="Add a member by email" name="email" type="email" errors={state.ok ? undefined : state.fieldErrors?.email} />
          <Button type="submit" pending={adding}>
            Add to team
          </Button>
          {state.ok && state.message && <Notice tone="success">{state.message}</Notice>}
        </form>
      )}
    </div>
  );
}

export function DeleteTeamButton({ slug, teamId, teamName }: { slug: string; teamId: string; teamName: string }) {
  const mutation = useMutation({ mutationFn: () => deleteTeamAction(slug, teamId) });
  return (
    <div className="flex flex-col gap-2">
      <ConfirmButton label={`Delete team ${teamName}`} confirmLabel={`Delete ${teamName}`} pending={mutation.isPending} onConfirm={() => mutation.mutate()}>
        Delete team
      </ConfirmButton>
      {mutation.data && !mutation.data.ok && <Notice tone="error">{mutation.data.error}</Notice>}
    </div>
  );
}
