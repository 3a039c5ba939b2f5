import assert from "node:assert/strict";
import { test } from "node:test";
import v8 from "node:v8";
import vm from "node:vm";
import type { AuditEvent } from "@/generated/prisma/client";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { recordAuditBatch, type AuditEventInput } from "@/lib/audit/record-audit";
import { callApi } from "@/test/support/api";
import { CsvReader } from "@/test/support/csv";
import { testDatabaseForFile } from "@/test/support/database";
import { setTestSecrets, testContext } from "@/test/support/identity";
import { orgWithAdmin } from "@/test/support/orgs";

setTestSecrets();
const database = testDatabaseForFile();

const EVENTS = 100_000;

// A full collection before each reading, so the figure is what the export keeps alive, not garbage not yet collected.
v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as () => void;
const liveHeap = () => {
  gc();
  return process.memoryUsage().heapUsed;
};
const LABELS = ['Comma, "quoted" name', "two\r\nlines", "", "plain", "ünïcödé ✓ 🚀", " leading and trailing "];

/** Every column of the CSV, straight from the row (independent of the export's own formatting code). */
function expectedFields(event: AuditEvent): (string | null)[] {
  return [
    event.seq.toString(),
    event.id,
    event.createdAt.toISOString(),
    event.actorType,
    event.actorId,
    event.actorLabel,
    event.action,
    event.targetType,
    event.targetId,
    event.targetLabel,
    event.outcome,
    event.ip,
    event.userAgent,
    event.requestId,
    "detail",
    event.prevHash,
    event.hash,
  ];
}

test("a 100,000-event CSV export streams in bounded memory and reads back to exactly the stored rows", { timeout: 600_000 }, async () => {
  const { org, adminCtx } = await orgWithAdmin(database.db);
  const { key } = await createApiKey(database.db, await adminCtx(), { name: "export", scopes: ["audit:export"] }, testContext());
  for (let offset = 0; offset < EVENTS; offset += 2_000) {
    const batch = Array.from({ length: 2_000 }, (_, j): AuditEventInput => {
      const i = offset + j;
      return {
        action: i % 2 ? "member.role.change" : "team.create",
        actor: { type: i % 7 ? "user" : "api_key", id: `actor-${i % 13}`, label: LABELS[i % LABELS.length] },
        orgId: org.id,
        target: i % 5 ? { type: "member", id: `m-${i}`, label: LABELS[(i + 1) % LABELS.length] } : undefined,
        detail: { i, before: { role: "Member" }, after: { role: i % 3 ? "Manager" : 'Admin, "root"' }, note: LABELS[(i + 2) % LABELS.length] },
        context: i % 4 ? { ip: "203.0.113.9", userAgent: "agent, with comma", requestId: `req-${i}` } : {},
        outcome: i % 11 ? "success" : "failure",
      };
    });
    await database.db.$transaction((tx) => recordAuditBatch(tx, batch), { timeout: 60_000 });
  }
  const total = await database.db.auditEvent.count({ where: { orgId: org.id } });
  assert.ok(total >= EVENTS);

  const baseline = liveHeap();
  let peak = baseline;
  const response = await callApi("GET", "/orgs/{slug}/audit/export", { slug: org.slug }, { headers: { authorization: `Bearer ${key}` }, query: "?format=csv" });
  assert.equal(response.status, 200);
  const reader = new CsvReader();
  const decoder = new TextDecoder();
  let header: (string | null)[] | undefined;
  let read = 0;
  let bytes = 0;
  let afterSeq = 0n;
  let expected: AuditEvent[] = [];

  // Compare each parsed row with the stored one, fetching those in the same order a batch at a time.
  const check = async (row: (string | null)[]) => {
    if (!header) {
      header = row;
      return;
    }
    if (!expected.length) {
      expected = await database.db.auditEvent.findMany({ where: { orgId: org.id, seq: { gt: afterSeq } }, orderBy: { seq: "asc" }, take: 5_000 });
      afterSeq = expected.at(-1)!.seq;
    }
    const event = expected.shift()!;
    const fields = expectedFields(event);
    const detail = row[14];
    row[14] = "detail";
    assert.deepEqual(row, fields, `row ${read + 1}`);
    assert.deepEqual(JSON.parse(detail ?? "null"), event.detail, `detail of row ${read + 1}`);
    read++;
  };
  let chunks = 0;
  const body = response.body!.getReader();
  for (;;) {
    const { value: chunk, done } = await body.read();
    if (done) break;
    bytes += chunk.byteLength;
    for (const row of reader.push(decoder.decode(chunk, { stream: true }))) await check(row);
    if (++chunks % 10 === 0) peak = Math.max(peak, liveHeap());
  }
  for (const row of reader.push(decoder.decode())) await check(row);
  reader.end();

  assert.deepEqual(header, [
    "seq",
    "id",
    "time",
    "actor_type",
    "actor_id",
    "actor_label",
    "action",
    "target_type",
    "target_id",
    "target_label",
    "outcome",
    "ip",
    "user_agent",
    "request_id",
    "detail",
    "prev_hash",
    "hash",
  ]);
  assert.equal(read, total, "every event up to the export's start, and not the export's own event");
  const growthMb = (peak - baseline) / 2 ** 20;
  console.log(`exported ${read} events in ${chunks} chunks, ${(bytes / 2 ** 20).toFixed(1)} MB of CSV; live heap grew at most ${growthMb.toFixed(1)} MB`);
  assert.ok(bytes > 30 * 2 ** 20, "big enough that holding its rows at once would show");
  assert.ok(growthMb < 100, `heap grew ${growthMb.toFixed(1)} MB`);
});
