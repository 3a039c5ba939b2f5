"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/lib/db/client";
import { deleteOrg } from "@/lib/orgs/delete-org";
import { runOrgAction, type ActionResult } from "@/lib/orgs/org-action";
import { removeMember } from "@/lib/orgs/remove-member";
import { updateMyProfile } from "@/lib/orgs/update-my-profile";
import { updateOrg } from "@/lib/orgs/update-org";

export async function updateOrgAction(slug: string, _previous: ActionResult<string>, form: FormData): Promise<ActionResult<string>> {
  const input = {
    name: String(form.get("name") ?? ""),
    slug: String(form.get("slug") ?? ""),
    requireMfa: form.get("requireMfa") === "on",
    corsOrigins: String(form.get("corsOrigins") ?? "")
      .split(/\s+/)
      .filter(Boolean),
  };
  const result = await runOrgAction(slug, async (ctx, context) => (await updateOrg(getDb(), ctx, input, context)).slug, "Settings saved.");
  if (result.ok && result.data !== slug) redirect(`/orgs/${result.data}/settings`);
  revalidatePath(`/orgs/${slug}`, "layout");
  return result;
}

export async function updateProfileAction(slug: string, _previous: ActionResult, form: FormData): Promise<ActionResult> {
  const input = { name: String(form.get("name") ?? ""), jobTitle: String(form.get("jobTitle") ?? "") };
  const result = await runOrgAction(slug, (ctx, context) => updateMyProfile(getDb(), ctx, input, context), "Profile saved.");
  revalidatePath(`/orgs/${slug}`, "layout");
  return result as ActionResult;
}

export async function leaveOrgAction(slug: string, _previous: ActionResult, _form: FormData): Promise<ActionResult> {
  const result = await runOrgAction(slug, (ctx, context) => removeMember(getDb(), ctx, ctx.membership.id, context, true));
  if (result.ok) redirect("/orgs");
  return result as ActionResult;
}

export async function deleteOrgAction(slug: string, _previous: ActionResult, form: FormData): Promise<ActionResult> {
  const result = await runOrgAction(slug, (ctx, context) => deleteOrg(getDb(), ctx, String(form.get("confirmation") ?? ""), context));
  if (result.ok) redirect("/orgs");
  return result as ActionResult;
}
