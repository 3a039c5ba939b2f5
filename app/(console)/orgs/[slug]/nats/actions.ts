"use server";

import { revalidatePath } from "next/cache";
import { natsRuntime } from "@/lib/boot/boot-state";
import { getDb } from "@/lib/db/client";
import { changeTier, type TierChange } from "@/lib/nats/change-tier";
import { runOrgAction, type ActionResult } from "@/lib/orgs/org-action";

export async function changeTierAction(slug: string, _previous: ActionResult<TierChange>, form: FormData): Promise<ActionResult<TierChange>> {
  const result = await runOrgAction(slug, (ctx, context) => changeTier(getDb(), natsRuntime(), ctx, { tier: form.get("tier") }, context));
  revalidatePath(`/orgs/${slug}/nats`);
  return result;
}
