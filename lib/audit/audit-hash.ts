import { createHash } from "node:crypto";
import type { AuditEvent } from "@/generated/prisma/client";

/** The `prevHash` of a chain's first event. */
export const GENESIS_HASH = "0".repeat(64);

/** Every stored field except the chain links themselves: exactly what a link's hash covers. */
export type HashedFields = Omit<AuditEvent, "prevHash" | "hash">;

/**
 * JSON with object keys sorted (by UTF-16 code unit, which for the ASCII keys
 * used here is byte order), no whitespace, `undefined` members dropped as
 * JSON.stringify drops them, and bigints written as plain integers.
 */
export function canonicalJson(value: unknown): string {
  if (typeof value === "bigint") return value.toString();
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? "null" : canonicalJson(item))).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(",")}}`;
}

/**
 * The canonical form of one event: these 16 fields, null when absent —
 * action, actorId, actorLabel, actorType, createdAt (ISO 8601 UTC with
 * milliseconds), detail, id, ip, orgId, outcome, requestId, seq, targetId,
 * targetLabel, targetType, userAgent. Listing them (rather than spreading the
 * row) keeps a future column out of old hashes. The migration that chained the
 * events recorded before the chain existed builds the same string in SQL.
 */
export function canonicalEvent(event: HashedFields): string {
  return canonicalJson({
    action: event.action,
    actorId: event.actorId,
    actorLabel: event.actorLabel,
    actorType: event.actorType,
    createdAt: event.createdAt.toISOString(),
    detail: event.detail,
    id: event.id,
    ip: event.ip,
    orgId: event.orgId,
    outcome: event.outcome,
    requestId: event.requestId,
    seq: event.seq,
    targetId: event.targetId,
    targetLabel: event.targetLabel,
    targetType: event.targetType,
    userAgent: event.userAgent,
  });
}

/** sha256 hex of `prevHash || canonical(event)` (UTF-8). */
export function auditHash(prevHash: string, event: HashedFields): string {
  return createHash("sha256").update(prevHash).update(canonicalEvent(event)).digest("hex");
}
