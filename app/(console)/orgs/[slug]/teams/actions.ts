"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/lib/db/client";
import { addTeamMember } from "@/lib/orgs/add-team-member";
import { createTeam } from "@/lib/orgs/create-team";
import { deleteTeam } from "@/lib/orgs/delete-team";
import { findMemberByEmail } from "@/lib/orgs/find-member-by-email";
import { runOrgAction, type ActionResult } from "@/lib/orgs/org-action";
import { removeTeamMember } from "@/lib/orgs/remove-team-member";
import { updateTeam } from "@/lib/orgs/update-team";

function teamInput(form: FormData) {
  return { name: String(form.get("name") ?? ""), description: String(form.get("description") ?? ""), role: String(form.get("role") ?? "") };
}

export async function createTeamAction(slug: string, _previous: ActionResult, form: FormData): Promise<ActionResult> {
  const result = await runOrgAction(slug, async (ctx, context) => void (await createTeam(getDb(), ctx, teamInput(form), context)), "Team created.");
  revalidatePath(`/orgs/${slug}/teams`);
  return result;
}

export async function updateTeamAction(slug: string, teamId: string, _previous: ActionResult, form: FormData): Promise<ActionResult> {
  const result = await runOrgAction(slug, async (ctx, context) => void (await updateTeam(getDb(), ctx, teamId, teamInput(form), context)), "Team saved.");
  revalidatePath(`/orgs/${slug}/teams`, "layout");
  return result;
}

export async function deleteTeamAction(slug: string, teamId: string) {
  const result = await runOrgAction(slug, (ctx, context) => deleteTeam(getDb(), ctx, teamId, context));
  if (result.ok) redirect(`/orgs/${slug}/teams`);
  return result;
}

export async function addTeamMemberAction(slug: string, teamId: string, _previous: ActionResult, form: FormData): Promise<ActionResult> {
  const email = String(form.get("email") ?? "");
  const result = await runOrgAction(
    slug,
    async (ctx, context) => void (await addTeamMember(getDb(), ctx, teamId, await findMemberByEmail(getDb(), ctx, email), context)),
    "Member added.",
  );
  revalidatePath(`/orgs/${slug}/teams`, "layout");
  return result.ok ? result : { ...result, fieldErrors: { email: [result.error] } };
}

export async function removeTeamMemberAction(slug: string, teamId: string, membershipId: string) {
  const result = await runOrgAction(slug, (ctx, context) => removeTeamMember(getDb(), ctx, teamId, membershipId, context));
  revalidatePath(`/orgs/${slug}/teams`, "layout");
  return result;
}
