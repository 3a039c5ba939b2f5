"use server";

import { revalidatePath } from "next/cache";
import { natsRuntime } from "@/lib/boot/boot-state";
import type { StreamFormState, StreamFormValues } from "@/components/streams/stream-form";
import { getDb } from "@/lib/db/client";
import { runOrgAction, type ActionResult } from "@/lib/orgs/org-action";
import { createStream } from "@/lib/streams/create-stream";
import { deleteStream } from "@/lib/streams/delete-stream";
import { purgeStream } from "@/lib/streams/purge-stream";
import { updateStream } from "@/lib/streams/update-stream";

const MB = 1024 * 1024;
const KB = 1024;
const HOUR = 3600;

/** The form as typed (echoed back when refused, so nothing typed is lost). */
function formValues(form: FormData): StreamFormValues {
  const text = (key: keyof StreamFormValues) => String(form.get(key) ?? "");
  return {
    name: text("name"),
    subjects: text("subjects"),
    storage: text("storage") || "file",
    maxMegabytes: text("maxMegabytes"),
    maxAgeHours: text("maxAgeHours"),
    maxMessageKilobytes: text("maxMessageKilobytes"),
  };
}

/** A number typed in its unit (MB, hours, KB) as the use case's bytes or seconds; empty is "no limit". */
function amountOf(typed: string, unit: number, none: number): number {
  return typed.trim() ? Math.round(Number(typed) * unit) : none;
}

function streamInput(values: StreamFormValues) {
  return {
    subjects: values.subjects.split(/[\s,]+/).filter(Boolean),
    maxBytes: amountOf(values.maxMegabytes, MB, -1),
    maxAgeSeconds: amountOf(values.maxAgeHours, HOUR, 0),
    maxMsgSize: amountOf(values.maxMessageKilobytes, KB, -1),
  };
}

export async function createStreamAction(slug: string, _previous: StreamFormState, form: FormData): Promise<StreamFormState> {
  const values = formValues(form);
  const input = { ...streamInput(values), name: values.name, storage: values.storage };
  const result = await runOrgAction(slug, async (ctx, context) => void (await createStream(getDb(), natsRuntime(), ctx, input, context)), "Stream created.");
  revalidatePath(`/orgs/${slug}/nats/streams`);
  return result.ok ? result : { ...result, values };
}

export async function updateStreamAction(slug: string, name: string, _previous: StreamFormState, form: FormData): Promise<StreamFormState> {
  const values = formValues(form);
  const result = await runOrgAction(
    slug,
    async (ctx, context) => void (await updateStream(getDb(), natsRuntime(), ctx, name, streamInput(values), context)),
    "Stream saved.",
  );
  revalidatePath(`/orgs/${slug}/nats/streams`);
  return result.ok ? result : { ...result, values };
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
