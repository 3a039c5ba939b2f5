import { z } from "zod";
import { recordAudit, type RequestContext } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db/client";
import { parseInput, ValidationError } from "@/lib/errors/domain-errors";
import type { NatsRuntime } from "@/lib/nats/provision-org-account";
import { NANOS_PER_SECOND } from "@/lib/nats/system-streams";
import { auditActor } from "@/lib/orgs/audit-actor";
import { ensureCan, type OrgContext } from "@/lib/orgs/org-context";
import { auditedSettings, streamLimits, streamSubjects } from "./create-stream";
import { ensureWithinPlan } from "./ensure-within-plan";
import { getStreamOrThrow } from "./get-stream-or-throw";
import { streamSummaries, streamSummary, type StreamSummary } from "./list-streams";
import { withOrgJetStream } from "./org-jetstream";

/** Every field is optional: what is left out stays as it is. Name and storage are fixed once a stream exists. */
export const updateStreamInput = z.object({
  subjects: streamSubjects.optional(),
  maxBytes: streamLimits.maxBytes.optional(),
  maxAgeSeconds: streamLimits.maxAgeSeconds.optional(),
  maxMsgSize: streamLimits.maxMsgSize.optional(),
});

/**
 * Changes a stream's subjects or limits, within the org's plan. System
 * streams are refused: their settings come from the plan, and the reconciler
 * would put them back.
 */
export async function updateStream(
  db: Db,
  nats: NatsRuntime | null,
  ctx: OrgContext,
  name: string,
  raw: unknown,
  context: RequestContext,
): Promise<StreamSummary> {
  ensureCan(ctx, "nats_streams:write");
  const input = parseInput(updateStreamInput, raw ?? {}, "subjects");
  return withOrgJetStream(nats, ctx.org, async (jsm) => {
    const current = await getStreamOrThrow(jsm, name);
    if (current.system) throw new ValidationError(`${current.name} is a system stream: its subjects and limits come from your plan.`);
    const next = {
      ...current,
      subjects: input.subjects ?? current.subjects,
      maxBytes: input.maxBytes ?? current.maxBytes,
      maxAgeSeconds: input.maxAgeSeconds ?? current.maxAgeSeconds,
      maxMsgSize: input.maxMsgSize ?? current.maxMsgSize,
    };
    const others = (await streamSummaries(jsm)).filter((stream) => stream.name !== current.name);
    ensureWithinPlan(ctx.org.tier, others, next, false);
    if (JSON.stringify(auditedSettings(next)) === JSON.stringify(auditedSettings(current))) return current;
    return db.$transaction(
      async (tx) => {
        const updated = streamSummary(
          await jsm.streams.update(current.name, {
            subjects: next.subjects,
            max_bytes: next.maxBytes,
            max_age: next.maxAgeSeconds * NANOS_PER_SECOND,
            max_msg_size: next.maxMsgSize,
          }),
        );
        await recordAudit(tx, {
          action: "stream.update",
          actor: auditActor(ctx),
          orgId: ctx.org.id,
          target: { type: "stream", id: updated.name, label: updated.name },
          detail: { before: auditedSettings(current), after: auditedSettings(updated) },
          context,
        });
        return updated;
      },
      { timeout: 15_000 },
    );
  });
}
