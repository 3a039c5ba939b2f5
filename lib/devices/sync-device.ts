import { AckPolicy, DeliverPolicy, type JetStreamManager } from "@nats-io/jetstream";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit";
import type { RequestContext } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db/client";
import { parseInput } from "@/lib/errors/domain-errors";
import type { NatsRuntime } from "@/lib/nats/provision-org-account";
import { NANOS_PER_SECOND } from "@/lib/nats/system-streams";
import { withOrgJetStream } from "@/lib/streams/org-jetstream";
import { BROADCAST_SUBJECT, deviceSubject } from "./device-subjects";
import { licenseKeyMatches, parseLicenseKey } from "./license-key-format";

/** At most this many messages per sync; the client asks again from `cursor` while `more` is true. */
export const SYNC_BATCH = 500;
const EVENTS = "EVENTS";

export const syncQuery = z.object({
  /** A stream sequence (messages after it, e.g. the last `cursor`) or an ISO time (messages from then on). */
  since: z
    .string()
    .trim()
    .refine((value) => /^\d+$/.test(value) || !Number.isNaN(Date.parse(value)), "since is a sequence number (the last cursor) or an ISO date-time.")
    .optional(),
});

export type SyncedMessage = { seq: number; subject: string; time: string; data: string; encoding: "utf8" | "base64" };
export type SyncBatch = { device: { id: string; licensePrefix: string }; messages: SyncedMessage[]; cursor: number | null; more: boolean };
export type DeviceSync = { ok: true; batch: SyncBatch } | { ok: false; reason: string };

const UNKNOWN_KEY = "The license key is missing or not valid.";

/** Where reading starts: after a sequence, from a time, or (no `since`) from the previous sync, or the device's creation. */
function startAt(since: string | undefined, fallback: Date): { opt_start_seq: number } | { opt_start_time: string } {
  if (since && /^\d+$/.test(since)) return { opt_start_seq: Number(since) + 1 };
  return { opt_start_time: (since ? new Date(since) : fallback).toISOString() };
}

// Valid UTF-8 goes out as text (the usual JSON payloads); anything else as base64.
const utf8 = new TextDecoder("utf-8", { fatal: true });
function encodePayload(data: Uint8Array): Pick<SyncedMessage, "data" | "encoding"> {
  try {
    return { data: utf8.decode(data), encoding: "utf8" };
  } catch {
    return { data: Buffer.from(data).toString("base64"), encoding: "base64" };
  }
}

/**
 * The stored messages on one subject filter, through a short-lived
 * consumer (nats-server 2.9 takes one filter per consumer): as many as are
 * pending, up to `limit`, and whether more remain.
 */
async function readFiltered(jsm: JetStreamManager, filter: string, start: ReturnType<typeof startAt>, limit: number) {
  const info = await jsm.consumers.add(EVENTS, {
    filter_subject: filter,
    ack_policy: AckPolicy.None,
    mem_storage: true,
    num_replicas: 1,
    inactive_threshold: 30 * NANOS_PER_SECOND,
    ...("opt_start_seq" in start ? { deliver_policy: DeliverPolicy.StartSequence, ...start } : { deliver_policy: DeliverPolicy.StartTime, ...start }),
  });
  try {
    const wanted = Math.min(info.num_pending, limit);
    const messages: SyncedMessage[] = [];
    if (wanted > 0) {
      const consumer = await jsm.jetstream().consumers.get(EVENTS, info.name);
      for await (const message of await consumer.fetch({ max_messages: wanted, expires: 5_000 })) {
        messages.push({ seq: message.seq, subject: message.subject, time: message.time.toISOString(), ...encodePayload(message.data) });
        if (messages.length === wanted) break;
      }
    }
    return { messages, more: info.num_pending > messages.length };
  } finally {
    await jsm.consumers.delete(EVENTS, info.name).catch(() => undefined);
  }
}

/**
 * A device catches up over HTTP (`GET /api/v1/devices/sync`, `X-License-Key`):
 * what the org's EVENTS stream holds on the device's subjects and on the
 * broadcast subjects since `since`, oldest first, its own publications
 * included. A missing, unknown or revoked key is refused (`ok: false`).
 * Records when the device was last seen, and audits syncs that returned messages.
 */
export async function syncDevice(db: Db, nats: NatsRuntime | null, licenseKey: string | null, rawQuery: unknown, context: RequestContext): Promise<DeviceSync> {
  const parsed = licenseKey ? parseLicenseKey(licenseKey) : null;
  const device = parsed
    ? await db.device.findUnique({ where: { licensePrefix: parsed.prefix }, include: { org: true, natsUser: { select: { name: true, revokedAt: true } } } })
    : null;
  if (!device || !licenseKey || !licenseKeyMatches(licenseKey, device.licenseKeyHash) || device.org.deletedAt) return { ok: false, reason: UNKNOWN_KEY };
  if (device.revokedAt || device.natsUser.revokedAt) return { ok: false, reason: "This license key was revoked." };
  const { since } = parseInput(syncQuery, rawQuery ?? {}, "since");
  const start = startAt(since, device.lastSeenAt ?? device.createdAt);
  const seenAt = new Date();

  const { messages, more } = await withOrgJetStream(nats, device.org, async (jsm) => {
    const [own, broadcast] = await Promise.all([
      readFiltered(jsm, deviceSubject(device.licensePrefix), start, SYNC_BATCH),
      readFiltered(jsm, BROADCAST_SUBJECT, start, SYNC_BATCH),
    ]);
    // A broadcast on the device's own prefix matches both filters: one copy, in stream order.
    const merged = [...new Map([...own.messages, ...broadcast.messages].map((m) => [m.seq, m])).values()].sort((a, b) => a.seq - b.seq);
    // A filter with more pending has read only up to its last message: nothing past that may be returned, or the cursor would skip its rest.
    const horizon = Math.min(...[own, broadcast].filter((read) => read.more).map((read) => read.messages.at(-1)?.seq ?? 0));
    const kept = merged.filter((m) => m.seq <= horizon).slice(0, SYNC_BATCH);
    return { messages: kept, more: own.more || broadcast.more || kept.length < merged.length };
  });

  await db.$transaction(async (tx) => {
    await tx.device.update({ where: { id: device.id }, data: { lastSeenAt: seenAt } });
    if (messages.length) {
      await recordAudit(tx, {
        action: "device.sync",
        actor: { type: "system", label: `device ${device.natsUser.name}` },
        orgId: device.orgId,
        target: { type: "device", id: device.id, label: device.natsUser.name },
        detail: { messages: messages.length, fromSeq: messages[0].seq, toSeq: messages[messages.length - 1].seq, more },
        context,
      });
    }
  });
  const cursor = messages.length ? messages[messages.length - 1].seq : since && /^\d+$/.test(since) ? Number(since) : null;
  return { ok: true, batch: { device: { id: device.id, licensePrefix: device.licensePrefix }, messages, cursor, more } };
}
