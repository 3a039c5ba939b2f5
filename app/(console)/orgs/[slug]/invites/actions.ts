"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/lib/db/client";
import { createEmailInvite } from "@/lib/invites/create-email-invite";
import { createLinkInvite } from "@/lib/invites/create-link-invite";
import { revokeInvite } from "@/lib/invites/revoke-invite";
import { runOrgAction, type ActionResult } from "@/lib/orgs/org-action";

export async function createEmailInviteAction(slug: string, _previous: ActionResult<string>, form: FormData): Promise<ActionResult<string>> {
  const input = { email: String(form.get("email") ?? ""), role: String(form.get("role") ?? "") };
  const result = await runOrgAction(
    slug,
    async (ctx, context) => (await createEmailInvite(getDb(), ctx, input, context)).link,
    `Invitation sent to ${input.email}.`,
  );
  revalidatePath(`/orgs/${slug}/invites`);
  return result;
}

export async function createLinkInviteAction(slug: string, _previous: ActionResult<string>, form: FormData): Promise<ActionResult<string>> {
  const input = { role: String(form.get("role") ?? ""), expiresInDays: String(form.get("expiresInDays") ?? ""), maxUses: String(form.get("maxUses") ?? "") };
  const result = await runOrgAction(
    slug,
    async (ctx, context) => (await createLinkInvite(getDb(), ctx, input, context)).link,
    "Invite link created. Copy it now: it is shown only once.",
  );
  revalidatePath(`/orgs/${slug}/invites`);
  return result;
}

export async function revokeInviteAction(slug: string, inviteId: string) {
  const result = await runOrgAction(slug, (ctx, context) => revokeInvite(getDb(), ctx, inviteId, context), "Invite revoked.");
  revalidatePath(`/orgs/${slug}/invites`);
  return result;
}
