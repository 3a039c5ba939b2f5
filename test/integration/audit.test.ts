import assert from "node:assert/strict";
import { test } from "node:test";
import { recordAudit } from "@/lib/audit/record-audit";
import { testDatabaseForFile } from "@/test/support/database";

const database = testDatabaseForFile();

test("an audit event written in a rolled-back transaction leaves nothing", async () => {
  const rollback = new Error("rollback on purpose");
  await assert.rejects(
    database.db.$transaction(async (tx) => {
      await recordAudit(tx, { action: "user.signup", actor: { type: "system", label: "test" } });
      assert.equal(await tx.auditEvent.count({ where: { action: "user.signup" } }), 1);
      throw rollback;
    }),
    rollback,
  );
  assert.equal(await database.db.auditEvent.count({ where: { action: "user.signup" } }), 0);
});

test("a committed audit event keeps who, what, where and the detail", async () => {
  const org = await database.db.org.create({ data: { slug: "acme", name: "Acme" } });
  await database.db.$transaction((tx) =>
    recordAudit(tx, {
      action: "password.change",
      actor: { type: "user", id: "u-1", label: "ada@example.com" },
      orgId: org.id,
      target: { type: "org", id: org.id, label: "Acme" },
      detail: { before: { name: "Acme" }, after: { name: "Acme Inc" } },
      context: { ip: "203.0.113.9", userAgent: "test-agent", requestId: "req-123" },
    }),
  );
  const [event] = await database.db.auditEvent.findMany({ where: { orgId: org.id } });
  assert.equal(event.action, "password.change");
  assert.equal(event.actorType, "user");
  assert.equal(event.actorLabel, "ada@example.com");
  assert.equal(event.targetId, org.id);
  assert.deepEqual(event.detail, { before: { name: "Acme" }, after: { name: "Acme Inc" } });
  assert.equal(event.ip, "203.0.113.9");
  assert.equal(event.requestId, "req-123");
  assert.equal(event.outcome, "success");
  assert.ok(Date.now() - event.createdAt.getTime() < 60_000);
});
