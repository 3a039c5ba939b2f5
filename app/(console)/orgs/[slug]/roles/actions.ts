"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/lib/db/client";
import { createRole } from "@/lib/orgs/create-role";
import { deleteRole } from "@/lib/orgs/delete-role";
import { runOrgAction, type ActionResult } from "@/lib/orgs/org-action";
import { updateRole } from "@/lib/orgs/update-role";

function roleInput(form: FormData) {
  return { name: String(form.get("name") ?? ""), description: String(form.get("description") ?? ""), permissions: form.getAll("permissions").map(String) };
}

export async function createRoleAction(slug: string, _previous: ActionResult, form: FormData): Promise<ActionResult> {
  const result = await runOrgAction(slug, async (ctx, context) => void (await createRole(getDb(), ctx, roleInput(form), context)), "Role created.");
  revalidatePath(`/orgs/${slug}`, "layout");
  return result;
}

export async function updateRoleAction(slug: string, roleId: string, _previous: ActionResult, form: FormData): Promise<ActionResult> {
  const result = await runOrgAction(slug, async (ctx, context) => void (await updateRole(getDb(), ctx, roleId, roleInput(form), context)), "Role saved.");
  revalidatePath(`/orgs/${slug}`, "layout");
  return result;
}

export async function deleteRoleAction(slug: string, roleId: string) {
  const result = await runOrgAction(slug, (ctx, context) => deleteRole(getDb(), ctx, roleId, context), "Role deleted.");
  revalidatePath(`/orgs/${slug}`, "layout");
  return result;
}
