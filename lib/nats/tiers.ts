import type { Tier } from "@/generated/prisma/client";

/**
 * Everything a plan means for NATS, in one place: account limits (every one
 * written out: nats-server reads a missing limit as zero; -1 is unlimited)
 * and the defaults of the org's streams.
 */
export type TierLimits = {
  account: { conn: number; subs: number; payload: number; data: number; leaf: number; imports: number; exports: number; wildcards: true };
  jetStream: { mem_storage: number; disk_storage: number; streams: number; consumer: number };
  streamDefaults: { maxBytes: number; maxAgeSeconds: number };
};

const MB = 1024 * 1024;
const GB = 1024 * MB;
const HOUR = 3600;

export const TIER_LIMITS: Record<Tier, TierLimits> = {
  free: {
    account: { conn: 25, subs: 1_000, payload: 256 * 1024, data: -1, leaf: 0, imports: 10, exports: 10, wildcards: true },
    jetStream: { mem_storage: 64 * MB, disk_storage: 1 * GB, streams: 5, consumer: 25 },
    streamDefaults: { maxBytes: 256 * MB, maxAgeSeconds: 12 * HOUR },
  },
  pro: {
    account: { conn: 250, subs: 10_000, payload: 1 * MB, data: -1, leaf: 5, imports: 50, exports: 50, wildcards: true },
    jetStream: { mem_storage: 256 * MB, disk_storage: 5 * GB, streams: 25, consumer: 250 },
    streamDefaults: { maxBytes: 1 * GB, maxAgeSeconds: 24 * HOUR },
  },
  enterprise: {
    account: { conn: 5_000, subs: -1, payload: 1 * MB, data: -1, leaf: -1, imports: -1, exports: -1, wildcards: true },
    jetStream: { mem_storage: 1 * GB, disk_storage: 50 * GB, streams: 200, consumer: -1 },
    streamDefaults: { maxBytes: 10 * GB, maxAgeSeconds: 7 * 24 * HOUR },
  },
};
