import { z } from "zod";
import { NATS_NOT_CONNECTED } from "@/lib/nats/get-account-usage";
import type { NatsRuntime } from "@/lib/nats/provision-org-account";

/** Per user name: connections open now, and when the last one was seen (open now, or when a closed one stopped). */
export type UserConnections = { available: true; byName: Map<string, { live: number; lastSeenAt: string }> } | { available: false; reason: string };

// CONNZ `state: 2` is "open and closed"; `name_tag` is the user JWT's name, kept for closed connections too.
const connzReply = z.object({
  data: z.object({
    connections: z.array(z.object({ name_tag: z.string().optional(), stop: z.string().optional() })).nullable(),
  }),
});

/**
 * Who is connected, and when each user was last seen, from the account's
 * `$SYS.REQ.ACCOUNT.<pub>.CONNZ` (open and recently closed connections, one
 * request, matched by the JWT name). Closed connections are what the server
 * still remembers (its last 10,000 by default, lost on restart); on a cluster
 * this is the answering server's view. Never fails a page: unavailable instead.
 */
export async function getUserConnections(nats: Pick<NatsRuntime, "system"> | null, account: string | null, timeoutMs = 1_500): Promise<UserConnections> {
  if (!nats?.system.isConnected()) return { available: false, reason: NATS_NOT_CONNECTED };
  if (!account) return { available: false, reason: "the account is not on the NATS servers yet" };
  let reply;
  try {
    reply = await nats.system.request(`$SYS.REQ.ACCOUNT.${account}.CONNZ`, JSON.stringify({ state: 2, auth: true, limit: 10_000 }), connzReply, timeoutMs);
  } catch {
    return { available: false, reason: "the NATS servers did not answer in time" };
  }
  const byName = new Map<string, { live: number; lastSeenAt: string }>();
  const now = new Date().toISOString();
  for (const connection of reply.data.connections ?? []) {
    if (!connection.name_tag) continue;
    const entry = byName.get(connection.name_tag) ?? { live: 0, lastSeenAt: "" };
    const seen = connection.stop ? new Date(connection.stop).toISOString() : now;
    byName.set(connection.name_tag, { live: entry.live + (connection.stop ? 0 : 1), lastSeenAt: seen > entry.lastSeenAt ? seen : entry.lastSeenAt });
  }
  return { available: true, byName };
}
