import type { Tier } from "@/generated/prisma/client";
import { DiscardPolicy, StorageType, type StreamConfig } from "@nats-io/jetstream";
import { TIER_LIMITS } from "./tiers";

/** The streams every org has from provisioning on: Cordon's event log, its dead letters and its webhook retries. */
export const SYSTEM_STREAMS = [
  { name: "EVENTS", subjects: ["events.>"] },
  { name: "DLQ", subjects: ["dlq.>"] },
  { name: "WEBHOOK_RETRY", subjects: ["webhook-retry.>"] },
] as const;

export function isSystemStream(name: string): boolean {
  return SYSTEM_STREAMS.some((stream) => stream.name === name);
}

/** The settings of a system stream that Cordon owns; anything else in its config is left alone. */
export type SystemStreamConfig = Pick<StreamConfig, "name" | "subjects" | "storage" | "num_replicas" | "max_bytes" | "max_age" | "discard">;

/** JetStream durations (max_age) are nanoseconds. */
export const NANOS_PER_SECOND = 1_000_000_000;

/** The system streams as the org's plan sizes them: file storage, one replica, the oldest messages make room. */
export function systemStreamConfigs(tier: Tier): SystemStreamConfig[] {
  const { maxBytes, maxAgeSeconds } = TIER_LIMITS[tier].streamDefaults;
  return SYSTEM_STREAMS.map((stream) => ({
    name: stream.name,
    subjects: [...stream.subjects],
    storage: StorageType.File,
    num_replicas: 1,
    max_bytes: maxBytes,
    max_age: maxAgeSeconds * NANOS_PER_SECOND,
    discard: DiscardPolicy.Old,
  }));
}
