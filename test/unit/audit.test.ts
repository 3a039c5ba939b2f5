import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { detailDiff } from "@/components/audit/detail-diff";
import { csvLine } from "@/lib/audit/audit-csv";
import { AUDIT_ACTION_GROUPS, actionsMatching, auditFilterSchema, filterBounds } from "@/lib/audit/audit-filter";
import { auditHash, canonicalEvent, canonicalJson, GENESIS_HASH, type HashedFields } from "@/lib/audit/audit-hash";
import { listAuditQuery } from "@/lib/audit/list-audit-events";
import { uuidV7 } from "@/lib/db/uuid-v7";
import { CsvReader } from "@/test/support/csv";

const event: HashedFields = {
  id: "01a2083f-4bd1-7688-b9d6-baa2e679f3ca",
  createdAt: new Date("2026-11-23T13:00:00.123Z"),
  orgId: "01a2083f-4bc1-7065-8b11-304e1de28fa3",
  seq: 7n,
  action: "member.role.change",
  actorType: "user",
  actorId: "u-1",
  actorLabel: "ada@example.com",
  targetType: "member",
  targetId: "m-1",
  targetLabel: "bob@example.com",
  detail: { before: { role: "Member" }, after: { role: "Manager" } },
  ip: "203.0.113.9",
  userAgent: "test",
  requestId: "req-1",
  outcome: "success",
};

test("canonical JSON sorts keys at every depth, drops undefined members and writes bigints as integers", () => {
  assert.equal(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: undefined }], c: null }, e: undefined }), '{"a":{"c":null,"d":[3,{"z":1}]},"b":1}');
  assert.equal(
    canonicalJson({ seq: 12345678901234567890n, s: 'quote " backslash \\ newline \n é' }),
    '{"s":"quote \\" backslash \\\\ newline \\n é","seq":12345678901234567890}',
  );
  fc.assert(
    fc.property(fc.jsonValue(), (value) => {
      // Key order never matters, and the result is JSON that reads back to the same value.
      assert.deepEqual(JSON.parse(canonicalJson(value)), JSON.parse(JSON.stringify(value)));
      const reordered = JSON.parse(JSON.stringify(value), (_, v) =>
        v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v,
      );
      assert.equal(canonicalJson(reordered), canonicalJson(value));
    }),
  );
});

test("an event's canonical form lists its 16 fields in order, and its hash covers each of them and the previous hash", () => {
  const canonical = JSON.parse(canonicalEvent(event));
  assert.deepEqual(Object.keys(canonical), [
    "action",
    "actorId",
    "actorLabel",
    "actorType",
    "createdAt",
    "detail",
    "id",
    "ip",
    "orgId",
    "outcome",
    "requestId",
    "seq",
    "targetId",
    "targetLabel",
    "targetType",
    "userAgent",
  ]);
  assert.equal(canonical.createdAt, "2026-11-23T13:00:00.123Z");
  const hash = auditHash(GENESIS_HASH, event);
  assert.match(hash, /^[0-9a-f]{64}$/);
  assert.equal(auditHash(GENESIS_HASH, { ...event }), hash);
  assert.notEqual(auditHash("1".repeat(64), event), hash);
  const changes: Partial<HashedFields>[] = [
    { seq: 8n },
    { createdAt: new Date(event.createdAt.getTime() + 1) },
    { detail: { before: { role: "Member" }, after: { role: "Admin" } } },
    { actorLabel: null },
    { outcome: "failure" },
    { userAgent: "other" },
  ];
  for (const change of changes)
    assert.notEqual(
      auditHash(GENESIS_HASH, { ...event, ...change }),
      hash,
      JSON.stringify(change, (_, v) => (typeof v === "bigint" ? String(v) : v)),
    );
});

test("CSV fields are quoted only when needed, and read back exactly (null and empty string stay apart)", () => {
  assert.equal(csvLine(["plain", "a,b", 'say "hi"', "two\r\nlines", "", null]), 'plain,"a,b","say ""hi""","two\r\nlines","",\r\n');
  fc.assert(
    fc.property(fc.array(fc.array(fc.option(fc.string({ unit: "binary" }), { nil: null }), { minLength: 1, maxLength: 6 }), { maxLength: 8 }), (rows) => {
      const text = rows.map(csvLine).join("");
      const reader = new CsvReader();
      // Any chunking of the text reads the same.
      const cut = Math.floor(text.length / 3);
      const read = [...reader.push(text.slice(0, cut)), ...reader.push(text.slice(cut))];
      reader.end();
      assert.deepEqual(read, rows);
    }),
  );
});

test("the diff lists every field of either side and flags the changed ones", () => {
  assert.deepEqual(detailDiff({ before: { role: "Member", team: "Ops" }, after: { role: "Manager", name: "Bob" } }), [
    { field: "role", before: "Member", after: "Manager", changed: true },
    { field: "team", before: "Ops", after: "—", changed: true },
    { field: "name", before: "—", after: "Bob", changed: true },
  ]);
  assert.deepEqual(detailDiff({ before: { limits: { conn: 25 } }, after: { limits: { conn: 25 } } }), [
    { field: "limits", before: '{"conn":25}', after: '{"conn":25}', changed: false },
  ]);
  assert.deepEqual(detailDiff({ before: "free", after: "pro" }), [{ field: "value", before: "free", after: "pro", changed: true }]);
  assert.equal(detailDiff({ reason: "x" }), null);
  assert.equal(detailDiff(null), null);
});

test("action filters take one catalogue action or a group of them, nothing else", () => {
  assert.ok(AUDIT_ACTION_GROUPS.includes("member.*"));
  assert.ok(AUDIT_ACTION_GROUPS.includes("mfa.totp.*"));
  assert.ok(!AUDIT_ACTION_GROUPS.includes("tier.*"), "a group of one is just the action");
  assert.deepEqual(actionsMatching("member.*").sort(), ["member.join", "member.profile.update", "member.remove", "member.role.change"]);
  assert.deepEqual(actionsMatching("member.role.change"), ["member.role.change"]);
  assert.deepEqual(actionsMatching("member"), []);
  assert.deepEqual(actionsMatching("nope.*"), []);
  assert.equal(auditFilterSchema.safeParse({ action: "member.*" }).success, true);
  assert.equal(auditFilterSchema.safeParse({ action: "member.%" }).success, false);
});

test("the filter schema ignores empty fields, checks dates, and parses its own output to the same value", () => {
  const parsed = listAuditQuery.parse({ actor: "  ", action: "", outcome: "", from: "2026-11-01", to: "2026-11-23T10:00:00Z", q: " role ", limit: "20" });
  assert.deepEqual(parsed, { actor: undefined, action: undefined, outcome: undefined, from: "2026-11-01", to: "2026-11-23T10:00:00Z", q: "role", limit: 20 });
  assert.deepEqual(listAuditQuery.parse(parsed), parsed);
  for (const from of ["yesterday", "2026-13-45", "2026-11-23 10:00"]) assert.equal(auditFilterSchema.safeParse({ from }).success, false, from);
  assert.equal(listAuditQuery.safeParse({ cursor: "not-a-cursor" }).success, false);
  assert.equal(listAuditQuery.safeParse({ limit: "1000" }).success, false);
  assert.deepEqual(filterBounds({ from: "2026-11-01", to: "2026-11-01" }), { from: new Date("2026-11-01T00:00:00Z"), to: new Date("2026-11-02T00:00:00Z") });
});

test("UUIDv7 ids carry their millisecond and sort by it", () => {
  const at = Date.UTC(2026, 10, 23, 13);
  const id = uuidV7(at);
  assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.equal(parseInt(id.replaceAll("-", "").slice(0, 12), 16), at);
  assert.ok(uuidV7(at) < uuidV7(at + 1));
});
