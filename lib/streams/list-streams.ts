import type { JetStreamManager, StreamInfo } from "@nats-io/jetstream";
import type { NatsRuntime } from "@/lib/nats/provision-org-account";
import { isSystemStream, NANOS_PER_SECOND } from "@/lib/nats/system-streams";
import { ensureCan, type OrgContext } from "@/lib/orgs/org-context";
import type { StreamShape } from "./ensure-within-plan";
import { withOrgJetStream } from "./org-jetstream";

export type StreamSummary = StreamShape & {
  /** EVENTS, DLQ and WEBHOOK_RETRY: Cordon's own, purgeable but not deletable or editable. */
  system: boolean;
  messages: number;
  bytes: number;
  consumers: number;
  /** When the newest stored message arrived; null while the stream is empty. */
  lastActivity: Date | null;
  createdAt: Date;
  /** -1: no limit. */
  maxBytes: number;
  /** 0: messages are kept until the size limit removes them. */
  maxAgeSeconds: number;
  /** -1: the account's payload limit. */
  maxMsgSize: number;
};

/** nats-server reports "no message yet" as the zero time. */
function timestamp(value: string | undefined): Date | null {
  const date = value ? new Date(value) : null;
  return date && date.getTime() > 0 ? date : null;
}

export function streamSummary(info: StreamInfo): StreamSummary {
  const { config, state } = info;
  return {
    name: config.name,
    subjects: config.subjects ?? [],
    storage: config.storage,
    system: isSystemStream(config.name),
    messages: state.messages,
    bytes: state.bytes,
    consumers: state.consumer_count,
    lastActivity: timestamp(state.last_ts),
    createdAt: new Date(info.created),
    maxBytes: config.max_bytes,
    maxAgeSeconds: Math.round(config.max_age / NANOS_PER_SECOND),
    maxMsgSize: config.max_msg_size,
  };
}

/** Every stream of the account the manager belongs to. */
export async function streamSummaries(jsm: JetStreamManager): Promise<StreamSummary[]> {
  const streams: StreamSummary[] = [];
  for await (const info of jsm.streams.list()) streams.push(streamSummary(info));
  return streams;
}

/** The org's streams, its system streams first, then by name. */
export async function listStreams(nats: NatsRuntime | null, ctx: OrgContext): Promise<StreamSummary[]> {
  ensureCan(ctx, "nats_streams:read");
  const streams = await withOrgJetStream(nats, ctx.org, streamSummaries);
  return streams.sort((a, b) => Number(b.system) - Number(a.system) || a.name.localeCompare(b.name));
}
