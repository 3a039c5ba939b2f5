"use server";

import { revalidatePath } from "next/cache";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import { getDb } from "@/lib/db/client";
import { runOrgAction, type ActionResult } from "@/lib/orgs/org-action";

export type CreatedApiKey = { name: string; key: string };

export async function createApiKeyAction(slug: string, _previous: ActionResult<CreatedApiKey>, form: FormData): Promise<ActionResult<CreatedApiKey>> {
  const input = {
    name: String(form.get("name") ?? ""),
    scopes: form.getAll("scopes").map(String),
    expiresInDays: String(form.get("expiresInDays") ?? ""),
  };
  const result = await runOrgAction(
    slug,
    async (ctx, context) => {
      const { key, apiKey } = await createApiKey(getDb(), ctx, input, context);
      return { name: apiKey.name, key };
    },
    "API key created.",
  );
  revalidatePath(`/orgs/${slug}/api-keys`);
  return result;
}

export async function revokeApiKeyAction(slug: string, apiKeyId: string) {
  const result = await runOrgAction(slug, (ctx, context) => revokeApiKey(getDb(), ctx, apiKeyId, context), "API key revoked.");
  revalidatePath(`/orgs/${slug}/api-keys`);
  return result;
}
