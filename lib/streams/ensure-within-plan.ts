import type { Tier } from "@/generated/prisma/client";
import { ValidationError } from "@/lib/errors/domain-errors";
import { TIER_LIMITS } from "@/lib/nats/tiers";
import { formatBytes } from "./format-bytes";
import { firstOverlap } from "./stream-subjects";

/** What the plan checks need to know about a stream. */
export type StreamShape = { name: string; subjects: string[]; storage: "file" | "memory"; maxBytes: number; maxMsgSize: number };

export function planName(tier: Tier): string {
  return tier.charAt(0).toUpperCase() + tier.slice(1);
}

export function tooManyStreams(tier: Tier): ValidationError {
  return new ValidationError(`Your ${planName(tier)} plan allows ${TIER_LIMITS[tier].jetStream.streams} streams; delete one or upgrade.`, "name");
}

/** Out of storage: `room` is what is left for this stream when known. */
export function noStorageRoom(tier: Tier, storage: StreamShape["storage"], room?: number): ValidationError {
  const limits = TIER_LIMITS[tier].jetStream;
  const total = formatBytes(storage === "file" ? limits.disk_storage : limits.mem_storage);
  const left =
    room === undefined ? "not enough is left for a stream this size" : room > 0 ? `at most ${formatBytes(room)} is left for this stream` : "none is left";
  return new ValidationError(
    `Your ${planName(tier)} plan has ${total} of ${storage} storage and your other streams' max sizes reserve the rest: ${left}. Choose a smaller max size, delete a stream or upgrade.`,
    "maxBytes",
  );
}

/**
 * Refuses a stream (a new one, or new settings of an existing one) that the
 * org's plan or its other streams leave no room for, with a message that says
 * what to do. nats-server enforces the same limits; checking first turns its
 * terse refusals into advice. `others` is every other stream of the org.
 */
export function ensureWithinPlan(tier: Tier, others: readonly StreamShape[], stream: StreamShape, creating: boolean): void {
  const limits = TIER_LIMITS[tier];
  if (creating && limits.jetStream.streams !== -1 && others.length >= limits.jetStream.streams) throw tooManyStreams(tier);
  for (const other of others) {
    const clash = firstOverlap(stream.subjects, other.subjects);
    if (clash)
      throw new ValidationError(
        `Subject "${clash[0]}" overlaps "${clash[1]}" of the ${other.name} stream; a message is stored in one stream only.`,
        "subjects",
      );
  }
  const storageLimit = stream.storage === "file" ? limits.jetStream.disk_storage : limits.jetStream.mem_storage;
  // A stream with a max size reserves it up front; one without is bounded by the account's storage.
  if (stream.maxBytes > 0 && storageLimit !== -1) {
    const reserved = others.filter((o) => o.storage === stream.storage && o.maxBytes > 0).reduce((sum, o) => sum + o.maxBytes, 0);
    if (reserved + stream.maxBytes > storageLimit) throw noStorageRoom(tier, stream.storage, storageLimit - reserved);
  }
  const payload = limits.account.payload;
  if (stream.maxMsgSize > payload && payload !== -1) {
    throw new ValidationError(
      `Your ${planName(tier)} plan's messages are at most ${formatBytes(payload)}; choose a smaller max message size or upgrade.`,
      "maxMsgSize",
    );
  }
}
