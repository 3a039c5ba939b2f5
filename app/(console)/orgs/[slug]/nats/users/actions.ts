"use server";

import { revalidatePath } from "next/cache";
import { natsRuntime } from "@/lib/boot/boot-state";
import { getDb } from "@/lib/db/client";
import { createNatsUser } from "@/lib/nats-users/create-nats-user";
import { deleteNatsUser } from "@/lib/nats-users/delete-nats-user";
import { permissionSpecFromForm } from "@/lib/nats-users/permission-spec";
import { reissueNatsUserCreds } from "@/lib/nats-users/reissue-nats-user-creds";
import { revokeNatsUser } from "@/lib/nats-users/revoke-nats-user";
import { updateNatsUser } from "@/lib/nats-users/update-nats-user";
import { runOrgAction, type ActionResult } from "@/lib/orgs/org-action";

/** Credentials just issued, for the one time they are shown; `pushError` when the old key is not cut off yet. */
export type IssuedCreds = { userId: string; userName: string; creds: string; leafnodeConfig?: string; pushError?: string };

const text = (form: FormData, key: string) => String(form.get(key) ?? "");
// The browser sends the expiry as ISO (converted from the local date-time field); empty is "never".
const expiry = (form: FormData) => text(form, "expiresAt") || null;

export async function createNatsUserAction(slug: string, _previous: ActionResult<IssuedCreds>, form: FormData): Promise<ActionResult<IssuedCreds>> {
  const input = {
    name: text(form, "name"),
    kind: text(form, "kind") as "app" | "service" | "leaf",
    description: text(form, "description"),
    permissions: permissionSpecFromForm(form),
    expiresAt: expiry(form),
    maxPayload: text(form, "maxPayload"),
    maxSubscriptions: text(form, "maxSubscriptions"),
  };
  const result = await runOrgAction(
    slug,
    async (ctx, context) => {
      const created = await createNatsUser(getDb(), natsRuntime(), ctx, input, context);
      return { userId: created.user.id, userName: created.user.name, creds: created.creds, leafnodeConfig: created.leafnodeConfig };
    },
    "NATS user created.",
  );
  revalidatePath(`/orgs/${slug}/nats/users`);
  return result;
}

export async function updateNatsUserAction(
  slug: string,
  id: string,
  _previous: ActionResult<IssuedCreds | null>,
  form: FormData,
): Promise<ActionResult<IssuedCreds | null>> {
  const input = {
    description: text(form, "description"),
    // A device's subjects are fixed: its form has no permission fields.
    permissions: form.has("permissions.pub.allow") ? permissionSpecFromForm(form) : undefined,
    expiresAt: expiry(form),
    maxPayload: text(form, "maxPayload"),
    maxSubscriptions: text(form, "maxSubscriptions"),
  };
  const result = await runOrgAction(slug, async (ctx, context) => {
    const updated = await updateNatsUser(getDb(), natsRuntime(), ctx, id, input, context);
    if (!updated.creds) return null;
    return { userId: updated.user.id, userName: updated.user.name, creds: updated.creds, pushError: updated.push?.ok ? undefined : updated.push?.error };
  });
  revalidatePath(`/orgs/${slug}/nats/users`);
  return result.ok ? { ...result, message: result.data ? "Saved. The change needed new credentials: here they are." : "Saved." } : result;
}

export async function reissueNatsUserAction(slug: string, id: string): Promise<ActionResult<IssuedCreds>> {
  const result = await runOrgAction(slug, async (ctx, context) => {
    const reissued = await reissueNatsUserCreds(getDb(), natsRuntime(), ctx, id, {}, context);
    return { userId: reissued.user.id, userName: reissued.user.name, creds: reissued.creds, pushError: reissued.push.ok ? undefined : reissued.push.error };
  });
  revalidatePath(`/orgs/${slug}/nats/users`);
  return result;
}

export async function revokeNatsUserAction(slug: string, id: string): Promise<ActionResult<{ pushError?: string }>> {
  const result = await runOrgAction(slug, async (ctx, context) => {
    const { push } = await revokeNatsUser(getDb(), natsRuntime(), ctx, id, context);
    return { pushError: push.ok ? undefined : push.error };
  });
  revalidatePath(`/orgs/${slug}/nats/users`);
  return result;
}

export async function deleteNatsUserAction(slug: string, id: string): Promise<ActionResult> {
  const result = await runOrgAction(slug, async (ctx, context) => void (await deleteNatsUser(getDb(), natsRuntime(), ctx, id, context)));
  revalidatePath(`/orgs/${slug}/nats/users`);
  return result;
}
