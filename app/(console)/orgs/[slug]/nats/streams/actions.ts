"use server";

import { revalidatePath } from "next/cache";
import { natsRuntime } from "@/lib/boot/boot-state";
import { getDb } from "@/lib/db/client";
import { runOrgAction, type ActionResult } from "@/lib/orgs/org-action";
import { createStream } from "@/lib/streams/create-stream";
import { deleteStream } from "@/lib/streams/delete-stream";
import { purgeStream } from "@/lib/streams/purge-stream";
import { updateStream } from "@/lib/streams/update-stream";

const MB = 1024 * 1024;
const KB = 1024;
const HOUR = 3600;

/** A number field of the form in its unit (MB, hours, KB) as the use case's bytes or seconds; empty is "no limit". */
function amountOf(form: FormData, field: string, unit: number, none: number): number {
  const raw = String(form.get(field) ?? "").trim();
  return raw ? Math.round(Number(raw) * unit) : none;
}

function streamInput(form: FormData) {
  return {
    subjects: String(form.get("subjects") ?? "")
      .split(/[\s,]+/)
      .filter(Boolean),
    maxBytes: amountOf(form, "maxMegabytes", MB, -1),
    maxAgeSeconds: amountOf(form, "maxAgeHours", HOUR, 0),
    maxMsgSize: amountOf(form, "maxMessageKilobytes", KB, -1),
  };
}

export async function createStreamAction(slug: string, _previous: ActionResult, form: FormData): Promise<ActionResult> {
  const input = { ...streamInput(form), name: String(form.get("name") ?? ""), storage: String(form.get("storage") ?? "file") };
  const result = await runOrgAction(slug, async (ctx, context) => void (await createStream(getDb(), natsRuntime(), ctx, input, context)), "Stream created.");
  revalidatePath(`/orgs/${slug}/nats/streams`);
  return result;
}

export async function updateStreamAction(slug: string, name: string, _previous: ActionResult, form: FormData): Promise<ActionResult> {
  const result = await runOrgAction(
    slug,
    async (ctx, context) => void (await updateStream(getDb(), natsRuntime(), ctx, name, streamInput(form), context)),
    "Stream saved.",
  );
  revalidatePath(`/orgs/${slug}/nats/streams`);
  return result;
}

export async function purgeStreamAction(slug: string, name: string): Promise<ActionResult<{ purged: number }>> {
  const result = await runOrgAction(slug, (ctx, context) => purgeStream(getDb(), natsRuntime(), ctx, name, context));
  revalidatePath(`/orgs/${slug}/nats/streams`);
  return result;
}

export async function deleteStreamAction(slug: string, name: string): Promise<ActionResult> {
  const result = await runOrgAction(slug, async (ctx, context) => void (await deleteStream(getDb(), natsRuntime(), ctx, name, context)));
  revalidatePath(`/orgs/${slug}/nats/streams`);
  return result;
}
