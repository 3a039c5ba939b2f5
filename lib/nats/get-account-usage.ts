import { z } from "zod";
import type { NatsRuntime } from "./provision-org-account";

export type AccountUsage =
  | {
      available: true;
      connections: number;
      /** Summed over the connections CONNZ lists (its first 1,024). */
      subscriptions: number;
      leafNodes: number;
      slowConsumers: number;
      /** Since the server loaded the account: in = published by its clients, out = delivered to them. */
      messages: { in: number; out: number };
      bytes: { in: number; out: number };
      /** Null when JetStream is not enabled for the account. */
      jetStream: { memory: number; storage: number; streams: number; consumers: number } | null;
    }
  | { available: false; reason: string };

// Only the fields Cordon reads: zod drops the rest, so a newer server's extra fields never break parsing.
const connzReply = z.object({ data: z.object({ total: z.number(), connections: z.array(z.object({ subscriptions: z.number() })).nullable() }) });
const traffic = z.object({ msgs: z.number(), bytes: z.number() });
const statzReply = z.object({
  data: z.object({
    account_statz: z
      .array(z.object({ conns: z.number(), leafnodes: z.number(), sent: traffic, received: traffic, slow_consumers: z.number().optional() }))
      .nullable(),
  }),
});
const jszReply = z.object({
  data: z
    .object({ memory: z.number(), storage: z.number(), stream_detail: z.array(z.object({ state: z.object({ consumer_count: z.number() }) })).nullish() })
    .nullable(),
});

export const NATS_NOT_CONNECTED = "NATS is not connected";

/**
 * The account's live usage from the system account (`$SYS.REQ.ACCOUNT.<pub>.
 * CONNZ`, `.STATZ`, `.JSZ`), asked in parallel with a short timeout: a page
 * must not hang on NATS, so a failure is "usage unavailable", never an error.
 * On a cluster this is the view of the server that answers first.
 */
export async function getAccountUsage(nats: Pick<NatsRuntime, "system"> | null, account: string | null, timeoutMs = 1_500): Promise<AccountUsage> {
  if (!nats?.system.isConnected()) return { available: false, reason: NATS_NOT_CONNECTED };
  if (!account) return { available: false, reason: "the account is not on the NATS servers yet" };
  const subject = (kind: string) => `$SYS.REQ.ACCOUNT.${account}.${kind}`;
  try {
    const [connz, statz, jsz] = await Promise.all([
      nats.system.request(subject("CONNZ"), "", connzReply, timeoutMs),
      // Without include_unused a server with no connection for the account does not answer at all.
      nats.system.request(subject("STATZ"), JSON.stringify({ accounts: [account], include_unused: true }), statzReply, timeoutMs),
      nats.system.request(subject("JSZ"), JSON.stringify({ streams: true }), jszReply, timeoutMs),
    ]);
    const stats = statz.data.account_statz?.[0];
    const streams = jsz.data?.stream_detail ?? [];
    return {
      available: true,
      connections: connz.data.total,
      subscriptions: (connz.data.connections ?? []).reduce((sum, connection) => sum + connection.subscriptions, 0),
      leafNodes: stats?.leafnodes ?? 0,
      slowConsumers: stats?.slow_consumers ?? 0,
      messages: { in: stats?.received.msgs ?? 0, out: stats?.sent.msgs ?? 0 },
      bytes: { in: stats?.received.bytes ?? 0, out: stats?.sent.bytes ?? 0 },
      jetStream: jsz.data
        ? {
            memory: jsz.data.memory,
            storage: jsz.data.storage,
            streams: streams.length,
            consumers: streams.reduce((sum, s) => sum + s.state.consumer_count, 0),
          }
        : null,
    };
  } catch {
    return { available: false, reason: "the NATS servers did not answer in time" };
  }
}
