"use server";

import { revalidatePath } from "next/cache";
import { natsRuntime } from "@/lib/boot/boot-state";
import { getDb } from "@/lib/db/client";
import { createDevice } from "@/lib/devices/create-device";
import { revokeDevice } from "@/lib/devices/revoke-device";
import { runOrgAction, type ActionResult } from "@/lib/orgs/org-action";

/** A new device's license key and creds, for the one time they are shown. */
export type CreatedDeviceSecrets = { name: string; licensePrefix: string; licenseKey: string; creds: string };

export async function createDeviceAction(
  slug: string,
  _previous: ActionResult<CreatedDeviceSecrets>,
  form: FormData,
): Promise<ActionResult<CreatedDeviceSecrets>> {
  const input = { name: String(form.get("name") ?? ""), description: String(form.get("description") ?? "") };
  const result = await runOrgAction(
    slug,
    async (ctx, context) => {
      const created = await createDevice(getDb(), natsRuntime(), ctx, input, context);
      return { name: created.device.name, licensePrefix: created.device.licensePrefix, licenseKey: created.licenseKey, creds: created.creds };
    },
    "Device registered.",
  );
  revalidatePath(`/orgs/${slug}/nats/devices`);
  return result;
}

export async function revokeDeviceAction(slug: string, id: string): Promise<ActionResult<{ pushError?: string }>> {
  const result = await runOrgAction(slug, async (ctx, context) => {
    const { push } = await revokeDevice(getDb(), natsRuntime(), ctx, id, context);
    return { pushError: push.ok ? undefined : push.error };
  });
  revalidatePath(`/orgs/${slug}/nats/devices`);
  return result;
}
