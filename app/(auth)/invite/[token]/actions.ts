"use server";

import { redirect } from "next/navigation";
import { requireSession } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/client";
import { DomainError } from "@/lib/errors/domain-errors";
import { currentRequest } from "@/lib/http/current-request";
import { acceptInvite } from "@/lib/invites/accept-invite";

export async function acceptInviteAction(token: string, _previous: { error?: string }, _form: FormData): Promise<{ error?: string }> {
  const session = await requireSession(`/invite/${token}`);
  let slug: string;
  try {
    slug = (await acceptInvite(getDb(), token, { userId: session.userId, email: session.user.email }, await currentRequest())).orgSlug;
  } catch (error) {
    if (error instanceof DomainError) return { error: error.message };
    throw error;
  }
  redirect(`/orgs/${slug}/members`);
}
