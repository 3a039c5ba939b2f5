import { recordAudit, type RequestContext } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db/client";
import { ValidationError } from "@/lib/errors/domain-errors";
import type { NatsRuntime } from "@/lib/nats/provision-org-account";
import { auditActor } from "@/lib/orgs/audit-actor";
import { ensureCan, type OrgContext } from "@/lib/orgs/org-context";
import { auditedSettings } from "./create-stream";
import { getStreamOrThrow } from "./get-stream-or-throw";
import { withOrgJetStream } from "./org-jetstream";

/** Deletes a stream with its messages and consumers. System streams stay: Cordon writes to them. */
export async function deleteStream(db: Db, nats: NatsRuntime | null, ctx: OrgContext, name: string, context: RequestContext): Promise<void> {
  ensureCan(ctx, "nats_streams:delete");
  await withOrgJetStream(nats, ctx.org, async (jsm) => {
    const stream = await getStreamOrThrow(jsm, name);
    if (stream.system) throw new ValidationError(`${stream.name} is a system stream and cannot be deleted; purge it to remove its messages.`);
    await db.$transaction(
      async (tx) => {
        await jsm.streams.delete(stream.name);
        await recordAudit(tx, {
          action: "stream.delete",
          actor: auditActor(ctx),
          orgId: ctx.org.id,
          target: { type: "stream", id: stream.name, label: stream.name },
          detail: { ...auditedSettings(stream), messages: stream.messages, bytes: stream.bytes },
          context,
        });
      },
      { timeout: 15_000 },
    );
  });
}
