import { DiscardPolicy, StorageType } from "@nats-io/jetstream";
import { z } from "zod";
import { recordAudit, type RequestContext } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db/client";
import { ConflictError, parseInput } from "@/lib/errors/domain-errors";
import type { NatsRuntime } from "@/lib/nats/provision-org-account";
import { NANOS_PER_SECOND } from "@/lib/nats/system-streams";
import { auditActor } from "@/lib/orgs/audit-actor";
import { ensureCan, type OrgContext } from "@/lib/orgs/org-context";
import { ensureWithinPlan } from "./ensure-within-plan";
import { streamSummaries, streamSummary, type StreamSummary } from "./list-streams";
import { withOrgJetStream } from "./org-jetstream";
import { subjectListProblem } from "./stream-subjects";

export const STREAM_NAME = /^[A-Za-z0-9_-]{1,64}$/;
const TEN_YEARS_SECONDS = 10 * 365 * 24 * 3600;

export const streamName = z.string().trim().regex(STREAM_NAME, "A stream name is 1 to 64 letters, digits, - or _.");

/** Subjects, duplicates dropped; see subjectListProblem for the rules. */
export const streamSubjects = z
  .array(z.string().trim(), "Enter at least one subject.")
  .max(32, "A stream takes at most 32 subjects.")
  .transform((subjects) => [...new Set(subjects.filter(Boolean))])
  .superRefine((subjects, ctx) => {
    const problem = subjectListProblem(subjects);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

const positiveOrUnlimited = (what: string) =>
  z
    .number(`Enter ${what} as a number.`)
    .int(`Enter ${what} as a whole number.`)
    .refine((value) => value === -1 || value > 0, `${what[0].toUpperCase()}${what.slice(1)} must be more than zero, or left empty for no limit.`);

/** The limits a member sets, in bytes and seconds; -1 (0 for the age) is "no limit". */
export const streamLimits = {
  maxBytes: positiveOrUnlimited("a max size"),
  maxAgeSeconds: z
    .number("Enter the max age as a number.")
    .int("Enter the max age as a whole number.")
    .min(0, "The max age cannot be negative; leave it empty to keep messages until the size limit removes them.")
    .max(TEN_YEARS_SECONDS, "Keep the max age to ten years or less."),
  maxMsgSize: positiveOrUnlimited("a max message size"),
};

export const createStreamInput = z.object({
  name: streamName,
  subjects: streamSubjects,
  storage: z.enum([StorageType.File, StorageType.Memory], "Choose file or memory storage.").default(StorageType.File),
  maxBytes: streamLimits.maxBytes.default(-1),
  maxAgeSeconds: streamLimits.maxAgeSeconds.default(0),
  maxMsgSize: streamLimits.maxMsgSize.default(-1),
});

/** A stream's limits as they go in the audit trail. */
export function auditedSettings(stream: Pick<StreamSummary, "subjects" | "storage" | "maxBytes" | "maxAgeSeconds" | "maxMsgSize">) {
  return { subjects: stream.subjects, storage: stream.storage, maxBytes: stream.maxBytes, maxAgeSeconds: stream.maxAgeSeconds, maxMsgSize: stream.maxMsgSize };
}

/**
 * Creates a stream in the org's account, within its plan: the stream count,
 * the storage the other streams' max sizes leave, and the plan's message size.
 */
export async function createStream(db: Db, nats: NatsRuntime | null, ctx: OrgContext, raw: unknown, context: RequestContext): Promise<StreamSummary> {
  ensureCan(ctx, "nats_streams:write");
  const input = parseInput(createStreamInput, raw ?? {}, "name");
  return withOrgJetStream(nats, ctx.org, async (jsm) => {
    const existing = await streamSummaries(jsm);
    // Creating an existing stream with the same settings succeeds on the server; a member means a new one.
    if (existing.some((stream) => stream.name === input.name)) throw new ConflictError(`A stream named ${input.name} already exists.`, "name");
    ensureWithinPlan(ctx.org.tier, existing, input, true);
    return db.$transaction(
      async (tx) => {
        const created = streamSummary(
          await jsm.streams.add({
            name: input.name,
            subjects: input.subjects,
            storage: input.storage,
            max_bytes: input.maxBytes,
            max_age: input.maxAgeSeconds * NANOS_PER_SECOND,
            max_msg_size: input.maxMsgSize,
            num_replicas: 1,
            discard: DiscardPolicy.Old,
          }),
        );
        await recordAudit(tx, {
          action: "stream.create",
          actor: auditActor(ctx),
          orgId: ctx.org.id,
          target: { type: "stream", id: created.name, label: created.name },
          detail: auditedSettings(created),
          context,
        });
        return created;
      },
      { timeout: 15_000 },
    );
  });
}
