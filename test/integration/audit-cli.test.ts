import assert from "node:assert/strict";
import { test } from "node:test";
import pg from "pg";
import type { AuditEventView } from "@/lib/audit/audit-event-view";
import { recordAuditBatch } from "@/lib/audit/record-audit";
import { changeMemberRole } from "@/lib/orgs/change-member-role";
import { testDatabaseForFile } from "@/test/support/database";
import { setTestSecrets, testContext } from "@/test/support/identity";
import { orgWithAdmin } from "@/test/support/orgs";
import { runCommand } from "@/test/support/run-command";

setTestSecrets();
const database = testDatabaseForFile();

/** The CLI as an operator runs it: a subprocess with the app's configuration in its environment. */
const cordon = (args: string[]) => runCommand(process.execPath, ["bin/cordon.mjs", ...args], { ...process.env, DATABASE_URL: database.url });

test("cordon audit lists events by org, action group and age, as a table or JSON lines", async () => {
  const { org, admin, adminCtx, addMember } = await orgWithAdmin(database.db);
  const bob = await addMember("member");
  await changeMemberRole(database.db, await adminCtx(), bob.membership.id, "manager", testContext());

  const json = await cordon(["audit", "--org", org.slug, "--action", "member.*", "--since", "1h", "--format", "json"]);
  assert.equal(json.code, 0, json.stderr);
  const events = json.stdout
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as AuditEventView);
  assert.deepEqual(
    events.map((e) => [e.action, e.target?.label]),
    [["member.role.change", bob.user.email]],
  );
  assert.deepEqual(events[0].detail, { before: { role: "Member" }, after: { role: "Manager" } });

  const table = await cordon(["audit", "--limit", "200"]);
  assert.equal(table.code, 0, table.stderr);
  assert.match(table.stdout, new RegExp(`${org.slug}\\s+member\\.role\\.change\\s+success\\s+${admin.email}  →  member:${bob.user.email}`));
  assert.match(table.stdout, /\(global\)\s+user\.signup/, "events outside any org are listed too");

  for (const [args, message] of [
    [["audit", "--since", "yesterday"], /--since takes an amount and a unit/],
    [["audit", "--action", "member.%"], /--action: Choose an action or a group/],
    [["audit", "--org", "no-such-org"], /Organisation "no-such-org" was not found/],
    [["audit", "--format", "xml"], /--format is table or json/],
    [["audit", "--colour"], /Unknown option '--colour'/],
  ] as const) {
    const result = await cordon([...args]);
    assert.equal(result.code, 1, args.join(" "));
    assert.match(result.stderr, message);
  }
});

test("cordon audit verify checks every chain, and names the first broken link with exit code 1", async () => {
  const { org } = await orgWithAdmin(database.db);
  await database.db.$transaction((tx) =>
    recordAuditBatch(
      tx,
      Array.from({ length: 5 }, (_, i) => ({ action: "org.update" as const, actor: { type: "system" as const }, orgId: org.id, detail: { i } })),
    ),
  );
  const intact = await cordon(["audit", "verify"]);
  assert.equal(intact.code, 0, intact.stdout + intact.stderr);
  assert.match(intact.stdout, /^ok {6}\(global\)/m);
  assert.match(intact.stdout, new RegExp(`^ok {6}${org.slug}\\s+\\d+ events$`, "m"));
  assert.match(intact.stdout, /All \d+ chains are intact\./);

  const victim = await database.db.auditEvent.findFirstOrThrow({ where: { orgId: org.id, action: "org.update" }, orderBy: { seq: "asc" }, skip: 2 });
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  await client.query(
    `ALTER TABLE "AuditEvent" DISABLE TRIGGER audit_event_append_only; UPDATE "AuditEvent" SET "actorLabel" = 'someone else' WHERE id = '${victim.id}'; ALTER TABLE "AuditEvent" ENABLE TRIGGER audit_event_append_only`,
  );
  await client.end();

  const broken = await cordon(["audit", "verify", "--org", org.slug]);
  assert.equal(broken.code, 1, broken.stdout + broken.stderr);
  assert.match(broken.stdout, new RegExp(`BROKEN  ${org.slug}\\s+at seq ${victim.seq} \\(event ${victim.id}\\): hash differs`));
  assert.match(broken.stdout, new RegExp(`stored   ${victim.hash}`));
  const global = await cordon(["audit", "verify", "--global"]);
  assert.equal(global.code, 0, global.stdout);
});
