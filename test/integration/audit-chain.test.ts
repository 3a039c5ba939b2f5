import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import pg from "pg";
import { recordAudit, recordAuditBatch } from "@/lib/audit/record-audit";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { createDb } from "@/lib/db/client";
import { adminQuery, databaseUrl, testDatabaseForFile } from "@/test/support/database";
import { setTestSecrets } from "@/test/support/identity";
import { repoRoot } from "@/test/support/run-command";

setTestSecrets();
const database = testDatabaseForFile();

const SYSTEM = { type: "system" as const, label: "test" };

async function newOrg() {
  return database.db.org.create({ data: { slug: `org-${randomBytes(4).toString("hex")}`, name: "Org" } });
}

async function record(orgId: string | null, count: number) {
  for (let i = 0; i < count; i++)
    await database.db.$transaction((tx) => recordAudit(tx, { action: "org.update", actor: SYSTEM, orgId, detail: { i, note: `change ${i}` } }));
}

async function sql(query: string) {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    return await client.query(query);
  } finally {
    await client.end();
  }
}

test("each org's events form a chain from seq 1, and events without an org form the global chain", async () => {
  const [a, b] = [await newOrg(), await newOrg()];
  await record(a.id, 3);
  await record(b.id, 2);
  await record(null, 2);
  // A batch across chains, and a bare client (recordAudit opens its own transaction then).
  await database.db.$transaction((tx) =>
    recordAuditBatch(tx, [
      { action: "org.update", actor: SYSTEM, orgId: b.id },
      { action: "user.signup", actor: SYSTEM },
      { action: "org.update", actor: SYSTEM, orgId: a.id },
      { action: "org.update", actor: SYSTEM, orgId: b.id },
    ]),
  );
  await recordAudit(database.db, { action: "org.update", actor: SYSTEM, orgId: a.id });

  const chainA = await database.db.auditEvent.findMany({ where: { orgId: a.id }, orderBy: { seq: "asc" } });
  assert.deepEqual(
    chainA.map((e) => e.seq),
    [1n, 2n, 3n, 4n, 5n],
  );
  assert.equal(chainA[0].prevHash, "0".repeat(64));
  for (let i = 1; i < chainA.length; i++) assert.equal(chainA[i].prevHash, chainA[i - 1].hash);
  assert.deepEqual(
    (await database.db.auditEvent.findMany({ where: { orgId: b.id }, orderBy: { seq: "asc" } })).map((e) => e.seq),
    [1n, 2n, 3n, 4n],
  );

  const reports = await verifyAuditChain(database.db);
  assert.equal(reports[0].orgId, null);
  for (const report of reports)
    assert.equal(report.firstBreak, null, `${report.slug}: ${JSON.stringify(report.firstBreak, (_, v) => (typeof v === "bigint" ? String(v) : v))}`);
  const [reportA] = await verifyAuditChain(database.db, { orgId: a.id });
  assert.deepEqual([reportA.slug, reportA.events, reportA.headHash], [a.slug, 5, chainA[4].hash]);
});

test("UPDATE, DELETE and TRUNCATE of audit events fail in the database, whoever sends them", async () => {
  const org = await newOrg();
  await record(org.id, 2);
  const event = await database.db.auditEvent.findFirstOrThrow({ where: { orgId: org.id } });
  await assert.rejects(database.db.auditEvent.update({ where: { id: event.id }, data: { action: "org.create" } }), /append-only/);
  await assert.rejects(database.db.auditEvent.deleteMany({ where: { orgId: org.id } }), /append-only/);
  await assert.rejects(sql(`UPDATE "AuditEvent" SET detail = '{}' WHERE id = '${event.id}'`), /append-only: UPDATE/);
  await assert.rejects(sql(`DELETE FROM "AuditEvent" WHERE id = '${event.id}'`), /append-only: DELETE/);
  await assert.rejects(sql(`TRUNCATE "AuditEvent" CASCADE`), /append-only: TRUNCATE/);
  // The purge marker alone is not enough while the org is alive.
  await assert.rejects(
    sql(`BEGIN; SET LOCAL cordon.audit_purge = '${org.id}'; DELETE FROM "AuditEvent" WHERE "orgId" = '${org.id}'; COMMIT`),
    /append-only: DELETE/,
  );
  assert.equal(await database.db.auditEvent.count({ where: { orgId: org.id } }), 2);
});

test("verify names the first broken link: a changed row, a changed link, a missing row", async () => {
  const org = await newOrg();
  await record(org.id, 10);
  const events = await database.db.auditEvent.findMany({ where: { orgId: org.id }, orderBy: { seq: "asc" } });
  // Tampering needs the trigger off, which only the table's owner can do (as in this scratch database).
  const tamper = (statement: string) =>
    sql(`ALTER TABLE "AuditEvent" DISABLE TRIGGER audit_event_append_only; ${statement}; ALTER TABLE "AuditEvent" ENABLE TRIGGER audit_event_append_only`);

  await tamper(`UPDATE "AuditEvent" SET detail = '{"i": 999, "note": "innocent"}' WHERE id = '${events[6].id}'`);
  let [report] = await verifyAuditChain(database.db, { orgId: org.id });
  assert.equal(report.events, 6, "the six links before it check out");
  assert.deepEqual(
    { ...report.firstBreak, expected: undefined },
    { seq: 7n, eventId: events[6].id, kind: "hash", stored: events[6].hash, expected: undefined },
  );
  assert.notEqual(report.firstBreak?.expected, events[6].hash);
  assert.match(report.firstBreak!.expected, /^[0-9a-f]{64}$/);

  // Re-hashing the changed row to cover it up breaks the next link instead.
  await tamper(`UPDATE "AuditEvent" SET hash = '${report.firstBreak!.expected}' WHERE id = '${events[6].id}'`);
  [report] = await verifyAuditChain(database.db, { orgId: org.id });
  assert.deepEqual(report.firstBreak, { seq: 8n, eventId: events[7].id, kind: "prev_hash", expected: report.firstBreak!.expected, stored: events[6].hash });

  await tamper(`DELETE FROM "AuditEvent" WHERE id = '${events[2].id}'`);
  [report] = await verifyAuditChain(database.db, { orgId: org.id });
  assert.deepEqual(report.firstBreak, { seq: 4n, eventId: events[3].id, kind: "seq", expected: "3", stored: "4" });

  const all = await verifyAuditChain(database.db);
  assert.deepEqual(
    all.filter((r) => r.firstBreak).map((r) => r.orgId),
    [org.id],
    "other chains are untouched",
  );
});

test("8 concurrent writers × 500 events in one org keep one linear chain", async () => {
  const org = await newOrg();
  const writer = async (w: number) => {
    for (let i = 0; i < 500; i++)
      await database.db.$transaction((tx) =>
        recordAudit(tx, { action: "org.update", actor: { type: "system", label: `writer ${w}` }, orgId: org.id, detail: { w, i } }),
      );
  };
  await Promise.all(Array.from({ length: 8 }, (_, w) => writer(w)));
  const [report] = await verifyAuditChain(database.db, { orgId: org.id });
  assert.equal(report.firstBreak, null);
  assert.equal(report.events, 4000);
  const seqs = await database.db.auditEvent.findMany({ where: { orgId: org.id }, select: { seq: true }, orderBy: { seq: "asc" } });
  assert.deepEqual(
    seqs.map((s) => Number(s.seq)),
    Array.from({ length: 4000 }, (_, i) => i + 1),
  );
  // Each writer's own events appear in the order it wrote them.
  for (let w = 0; w < 8; w++) {
    const mine = await database.db.auditEvent.findMany({
      where: { orgId: org.id, actorLabel: `writer ${w}` },
      orderBy: { seq: "asc" },
      select: { detail: true },
    });
    assert.deepEqual(
      mine.map((e) => (e.detail as { i: number }).i),
      Array.from({ length: 500 }, (_, i) => i),
    );
  }
});

test("purge_org_audit removes a deleted org's events, and only through the function, which records itself", async () => {
  const [gone, kept] = [await newOrg(), await newOrg()];
  await record(gone.id, 4);
  await record(kept.id, 2);
  const head = await database.db.auditEvent.findFirstOrThrow({ where: { orgId: gone.id }, orderBy: { seq: "desc" } });

  await assert.rejects(database.db.$queryRaw`SELECT purge_org_audit(${gone.id}::uuid)`, /is not deleted/);
  await database.db.org.update({ where: { id: gone.id }, data: { deletedAt: new Date() } });
  await assert.rejects(sql(`DELETE FROM "AuditEvent" WHERE "orgId" = '${gone.id}'`), /append-only: DELETE/);
  assert.equal(await database.db.auditEvent.count({ where: { orgId: gone.id } }), 4);

  const [{ removed }] = await database.db.$queryRaw<{ removed: bigint }[]>`SELECT purge_org_audit(${gone.id}::uuid) AS removed`;
  assert.equal(removed, 4n);
  assert.equal(await database.db.auditEvent.count({ where: { orgId: gone.id } }), 0);
  assert.equal(await database.db.auditOutbox.count({ where: { orgId: gone.id } }), 0);
  const purge = await database.db.auditPurge.findFirstOrThrow({ where: { orgId: gone.id } });
  assert.deepEqual([purge.events, purge.lastSeq, purge.lastHash, purge.purgedBy], [4n, 4n, head.hash, "cordon"]);
  // The marker it set was transaction-local: a plain delete of the kept org is refused as before.
  await database.db.org.update({ where: { id: kept.id }, data: { deletedAt: new Date() } });
  await assert.rejects(sql(`DELETE FROM "AuditEvent" WHERE "orgId" = '${kept.id}'`), /append-only: DELETE/);
  const [report] = await verifyAuditChain(database.db, { orgId: kept.id });
  assert.deepEqual([report.events, report.firstBreak], [2, null]);
});

test("the migration chains the events recorded before it, with the same hashes the code computes", async () => {
  const name = `audit_migration_${randomBytes(4).toString("hex")}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = databaseUrl(name);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const db = createDb(url);
  try {
    const dir = path.join(repoRoot, "prisma", "migrations");
    const migrations = readdirSync(dir)
      .filter((entry) => /^\d{14}_/.test(entry))
      .sort();
    const chain = migrations.indexOf("20261123130000_audit_chain");
    for (const migration of migrations.slice(0, chain)) await client.query(readFileSync(path.join(dir, migration, "migration.sql"), "utf8"));

    const [orgA, orgB] = ["01a20000-0000-7000-8000-00000000000a", "01a20000-0000-7000-8000-00000000000b"];
    await client.query(`INSERT INTO "Org" (id, slug, name, "updatedAt") VALUES ('${orgA}', 'a', 'A', now()), ('${orgB}', 'b', 'B', now())`);
    const details = [
      {},
      { before: { role: "Member" }, after: { role: "Manager" } },
      { nested: { z: [1, 2.5, -3, { y: null, x: true }], a: 'quote " backslash \\ tab \t newline \n' }, é: "ünïcödé ✓ 🚀", n: 1e-3, big: 123456789012 },
      { list: [], empty: {}, flag: false, ctrl: "\u0001\u001f" },
    ];
    let i = 0;
    for (const orgId of [orgA, null, orgB, orgA, null, orgA]) {
      for (const detail of details) {
        i++;
        await client.query(
          `INSERT INTO "AuditEvent" (id, "createdAt", "orgId", "actorType", "actorId", "actorLabel", action, "targetType", "targetId", "targetLabel", detail, ip, "userAgent", "requestId", outcome)
           VALUES (gen_random_uuid(), $1, $2, 'user', $3, $4, 'org.update', $5, $6, $7, $8, $9, $10, $11, $12)`,
          [
            new Date(Date.UTC(2026, 10, 1, 0, 0, i, i)),
            orgId,
            i % 2 ? `u-${i}` : null,
            i % 3 ? "ada@example.com" : null,
            i % 2 ? "member" : null,
            i % 2 ? `m-${i}` : null,
            i % 2 ? 'Bob "the" builder' : null,
            JSON.stringify(detail),
            i % 2 ? "203.0.113.9" : null,
            i % 2 ? "Mozilla/5.0 (X11)" : null,
            i % 2 ? `req-${i}` : null,
            i % 5 ? "success" : "failure",
          ],
        );
      }
    }
    await client.query(readFileSync(path.join(dir, migrations[chain], "migration.sql"), "utf8"));

    const reports = await verifyAuditChain(db);
    assert.deepEqual(
      reports.map((r) => [r.slug, r.events, r.firstBreak]),
      [
        [null, 8, null],
        ["a", 12, null],
        ["b", 4, null],
      ],
    );
    // New events continue the migrated chains.
    await recordAudit(db, { action: "org.update", actor: SYSTEM, orgId: orgA });
    const [a] = await verifyAuditChain(db, { orgId: orgA });
    assert.deepEqual([a.events, a.firstBreak], [13, null]);
  } finally {
    await client.end();
    await db.$disconnect();
    await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
});
