"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/lib/db/client";
import { runOrgAction, type ActionResult } from "@/lib/orgs/org-action";
import { deleteService } from "@/lib/services/delete-service";
import { registerService } from "@/lib/services/register-service";
import { retirePreviousSecret } from "@/lib/services/retire-previous-secret";
import { rotateServiceSecret } from "@/lib/services/rotate-service-secret";
import { updateService } from "@/lib/services/update-service";

/** A secret shown once, with the service it belongs to. */
export type RevealedSecret = { serviceName: string; secret: string };

export async function registerServiceAction(slug: string, _previous: ActionResult<RevealedSecret>, form: FormData): Promise<ActionResult<RevealedSecret>> {
  const input = { name: String(form.get("name") ?? ""), baseUrl: String(form.get("baseUrl") ?? "") };
  const result = await runOrgAction(
    slug,
    async (ctx, context) => {
      const { service, secret } = await registerService(getDb(), ctx, input, context);
      return { serviceName: service.name, secret };
    },
    "Service registered. Copy its signing secret now: it is shown only once.",
  );
  revalidatePath(`/orgs/${slug}/services`);
  return result;
}

export async function updateServiceAction(slug: string, serviceId: string, _previous: ActionResult, form: FormData): Promise<ActionResult> {
  const input = { baseUrl: String(form.get("baseUrl") ?? "") };
  const result = await runOrgAction(slug, async (ctx, context) => void (await updateService(getDb(), ctx, serviceId, input, context)), "Base URL saved.");
  revalidatePath(`/orgs/${slug}/services`);
  return result;
}

export async function rotateServiceSecretAction(slug: string, serviceId: string): Promise<ActionResult<RevealedSecret>> {
  const result = await runOrgAction(
    slug,
    async (ctx, context) => {
      const { service, secret } = await rotateServiceSecret(getDb(), ctx, serviceId, {}, context);
      return { serviceName: service.name, secret };
    },
    "Secret rotated. Copy the new secret now: it is shown only once. The old one keeps working until you retire it or the overlap ends.",
  );
  revalidatePath(`/orgs/${slug}/services`);
  return result;
}

export async function retirePreviousSecretAction(slug: string, serviceId: string) {
  const result = await runOrgAction(slug, async (ctx, context) => void (await retirePreviousSecret(getDb(), ctx, serviceId, context)), "Old secret retired.");
  revalidatePath(`/orgs/${slug}/services`);
  return result;
}

export async function deleteServiceAction(slug: string, serviceId: string) {
  const result = await runOrgAction(slug, (ctx, context) => deleteService(getDb(), ctx, serviceId, context), "Service deleted.");
  revalidatePath(`/orgs/${slug}/services`);
  return result;
}
