import { recordAudit, type RequestContext } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db/client";
import type { NatsRuntime } from "@/lib/nats/provision-org-account";
import { auditActor } from "@/lib/orgs/audit-actor";
import { ensureCan, type OrgContext } from "@/lib/orgs/org-context";
import { getStreamOrThrow } from "./get-stream-or-throw";
import { withOrgJetStream } from "./org-jetstream";

/**
 * Removes every message from a stream, keeping the stream and its consumers.
 * System streams too: their messages are the org's to discard. Losing
 * messages cannot be undone, so it takes the delete permission.
 */
export async function purgeStream(db: Db, nats: NatsRuntime | null, ctx: OrgContext, name: string, context: RequestContext): Promise<{ purged: number }> {
  ensureCan(ctx, "nats_streams:delete");
  return withOrgJetStream(nats, ctx.org, async (jsm) => {
    const stream = await getStreamOrThrow(jsm, name);
    return db.$transaction(
      async (tx) => {
        const { purged } = await jsm.streams.purge(stream.name);
        await recordAudit(tx, {
          action: "stream.purge",
          actor: auditActor(ctx),
          orgId: ctx.org.id,
          target: { type: "stream", id: stream.name, label: stream.name },
          detail: { purged, system: stream.system },
          context,
        });
        return { purged };
      },
      { timeout: 15_000 },
    );
  });
}
