import type { NatsRuntime } from "@/lib/nats/provision-org-account";
import { ensureCan, type OrgContext } from "@/lib/orgs/org-context";
import { getStreamOrThrow } from "./get-stream-or-throw";
import type { StreamSummary } from "./list-streams";
import { withOrgJetStream } from "./org-jetstream";

/** One of the org's streams, by name. */
export async function getStream(nats: NatsRuntime | null, ctx: OrgContext, name: string): Promise<StreamSummary> {
  ensureCan(ctx, "nats_streams:read");
  return withOrgJetStream(nats, ctx.org, (jsm) => getStreamOrThrow(jsm, name));
}
