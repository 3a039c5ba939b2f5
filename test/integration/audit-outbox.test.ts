import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { test } from "node:test";
import { markOutboxPublished, pendingOutbox } from "@/lib/audit/pending-outbox";
import { recordAudit, recordAuditBatch } from "@/lib/audit/record-audit";
import { testDatabaseForFile } from "@/test/support/database";

const database = testDatabaseForFile();

const SYSTEM = { type: "system" as const, label: "test" };
const newOrg = (status: "active" | "pending" = "active") =>
  database.db.org.create({ data: { slug: `org-${randomBytes(4).toString("hex")}`, name: "Org", status } });

test("a rolled-back transaction leaves neither the event nor its outbox row", async () => {
  const org = await newOrg();
  const rollback = new Error("rollback on purpose");
  await assert.rejects(
    database.db.$transaction(async (tx) => {
      await recordAudit(tx, { action: "org.update", actor: SYSTEM, orgId: org.id });
      assert.equal(await tx.auditOutbox.count({ where: { orgId: org.id } }), 1, "written with the event");
      throw rollback;
    }),
    rollback,
  );
  assert.equal(await database.db.auditOutbox.count({ where: { orgId: org.id } }), 0);
  assert.equal(await database.db.auditEvent.count({ where: { orgId: org.id } }), 0);
  assert.deepEqual(await database.db.$transaction((tx) => pendingOutbox(tx)), []);
});

test("every committed org event waits in the outbox until marked published; events without an org are not published", async () => {
  const [a, b] = [await newOrg(), await newOrg()];
  await database.db.$transaction((tx) =>
    recordAuditBatch(tx, [
      { action: "org.update", actor: SYSTEM, orgId: a.id, detail: { n: 1 } },
      { action: "user.signup", actor: SYSTEM },
      { action: "org.update", actor: SYSTEM, orgId: b.id, detail: { n: 2 } },
    ]),
  );
  await database.db.$transaction((tx) => recordAudit(tx, { action: "org.delete", actor: SYSTEM, orgId: a.id, detail: { n: 3 } }));

  // Oldest first (a batch shares one time, so n orders the test's view).
  const pending = (await database.db.$transaction((tx) => pendingOutbox(tx))).sort((x, y) => (x.detail as { n: number }).n - (y.detail as { n: number }).n);
  assert.deepEqual(
    pending.map((e) => [e.orgId, e.action, (e.detail as { n: number }).n]),
    [
      [a.id, "org.update", 1],
      [b.id, "org.update", 2],
      [a.id, "org.delete", 3],
    ],
  );
  const outbox = await database.db.auditOutbox.findFirstOrThrow({ where: { eventId: pending[0].id } });
  assert.deepEqual([outbox.orgId, outbox.action, outbox.createdAt, outbox.publishedAt], [a.id, "org.update", pending[0].createdAt, null]);

  assert.equal(await database.db.$transaction((tx) => markOutboxPublished(tx, [pending[0].id, pending[1].id])), 2);
  assert.equal(await database.db.$transaction((tx) => markOutboxPublished(tx, [pending[0].id])), 0, "already published");
  assert.deepEqual(
    (await database.db.$transaction((tx) => pendingOutbox(tx))).map((e) => e.id),
    [pending[2].id],
  );
});

test("two relays claiming at once never take the same event", async () => {
  const org = await newOrg();
  await database.db.$transaction((tx) =>
    recordAuditBatch(
      tx,
      Array.from({ length: 10 }, (_, n) => ({ action: "org.update" as const, actor: SYSTEM, orgId: org.id, detail: { n } })),
    ),
  );
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let first: string[] = [];
  const firstRelay = database.db.$transaction(async (tx) => {
    first = (await pendingOutbox(tx, 6)).map((e) => e.id);
    await held; // keeps its rows locked while the second relay claims
  });
  while (!first.length) await new Promise((resolve) => setTimeout(resolve, 10));
  const second = (await database.db.$transaction((tx) => pendingOutbox(tx, 100))).map((e) => e.id);
  release();
  await firstRelay;
  assert.ok(first.length > 0);
  assert.deepEqual(
    first.filter((id) => second.includes(id)),
    [],
  );
  assert.ok(second.length >= 4);
});

test("a pending org's events wait in the outbox without being claimed (its account is not on the servers yet)", async () => {
  const pending = await newOrg("pending");
  await database.db.$transaction((tx) => recordAudit(tx, { action: "org.update", actor: SYSTEM, orgId: pending.id }));
  const claimed = await database.db.$transaction((tx) => pendingOutbox(tx, 1000));
  assert.equal(claimed.filter((event) => event.orgId === pending.id).length, 0);
  assert.equal(await database.db.auditOutbox.count({ where: { orgId: pending.id, publishedAt: null } }), 1);
});
