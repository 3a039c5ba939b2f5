"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/lib/db/client";
import { changeMemberRole } from "@/lib/orgs/change-member-role";
import { checkAccess } from "@/lib/orgs/check-access";
import { runOrgAction } from "@/lib/orgs/org-action";
import { removeMember } from "@/lib/orgs/remove-member";

export async function changeMemberRoleAction(slug: string, membershipId: string, role: string) {
  const result = await runOrgAction(slug, (ctx, context) => changeMemberRole(getDb(), ctx, membershipId, role, context), "Role changed.");
  revalidatePath(`/orgs/${slug}/members`);
  return result;
}

export async function removeMemberAction(slug: string, membershipId: string) {
  const result = await runOrgAction(slug, (ctx, context) => removeMember(getDb(), ctx, membershipId, context), "Member removed.");
  revalidatePath(`/orgs/${slug}/members`);
  return result;
}

export async function checkAccessAction(slug: string, membershipId: string, permission: string) {
  return runOrgAction(slug, (ctx) => checkAccess(getDb(), ctx, membershipId, permission));
}
