import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { NatsConnection } from "@nats-io/transport-node";
import { findFreePort } from "@/lib/stack/ports";
import { testDatabaseForFile } from "@/test/support/database";
import { createUser, setTestSecrets } from "@/test/support/identity";
import { startTestNats, type TestNats } from "@/test/support/nats";
import { connectAsOrgUser } from "@/test/support/nats-users";
import { runCommand } from "@/test/support/run-command";

setTestSecrets();
const database = testDatabaseForFile();
let nats: TestNats;

before(async () => {
  nats = await startTestNats();
});

after(async () => {
  await nats?.dispose();
});

/** The CLI as an operator runs it: a subprocess with the app's configuration in its environment. */
function cordon(args: string[], env: Record<string, string> = {}) {
  return runCommand(process.execPath, ["bin/cordon.mjs", ...args], {
    ...process.env,
    DATABASE_URL: database.url,
    NATS_URL: nats.url,
    OPERATOR_SEED: nats.operatorSeed,
    ...env,
  });
}

test("org create, limits (with live usage and a plan change), rebuild-all and delete, audited as the CLI", async () => {
  const owner = await createUser(database.db);

  const created = await cordon(["org", "create", "Acme Cli", "--owner", owner.email.toUpperCase(), "--tier", "pro"]);
  assert.equal(created.code, 0, created.stdout + created.stderr);
  assert.match(created.stdout, /Created acme-cli on pro/);
  const org = await database.db.org.findUniqueOrThrow({ where: { slug: "acme-cli" }, include: { memberships: true } });
  assert.equal(org.status, "active");
  assert.equal(org.tier, "pro");
  assert.deepEqual(
    org.memberships.map((m) => [m.userId, m.role]),
    [[owner.id, "admin"]],
  );
  for (const action of ["org.create", "tier.change"] as const) {
    const event = await database.db.auditEvent.findFirstOrThrow({ where: { action, orgId: org.id } });
    assert.equal(event.actorType, "cli", action);
  }

  const connections: NatsConnection[] = [];
  try {
    connections.push(await connectAsOrgUser(nats.url, nats.keys, org), await connectAsOrgUser(nats.url, nats.keys, org));
    const limits = await cordon(["org", "limits", "acme-cli"]);
    assert.equal(limits.code, 0, limits.stdout + limits.stderr);
    assert.match(limits.stdout, /plan pro/);
    assert.match(limits.stdout, /connections\s+2\s+250\n/);
    assert.match(limits.stdout, /jetstream disk\s+\S+ \w+\s+5 GB\n/);
  } finally {
    await Promise.all(connections.map((c) => c.close().catch(() => undefined)));
  }

  const upgraded = await cordon(["org", "limits", "acme-cli", "--tier", "enterprise"]);
  assert.equal(upgraded.code, 0, upgraded.stdout + upgraded.stderr);
  assert.match(upgraded.stdout, /acme-cli is now on enterprise; the new limits are live/);
  assert.match(upgraded.stdout, /connections\s+\d+\s+5,000\n/);
  const change = await database.db.auditEvent.findFirstOrThrow({ where: { action: "tier.change", orgId: org.id }, orderBy: { createdAt: "desc" } });
  assert.deepEqual([change.actorType, change.detail], ["cli", { before: "pro", after: "enterprise" }]);

  const invalid = await cordon(["org", "limits", "acme-cli", "--tier", "gold"]);
  assert.equal(invalid.code, 1);
  assert.match(invalid.stderr, /^cordon: Choose Free, Pro or Enterprise\.$/m);

  const rebuilt = await cordon(["accounts", "rebuild-all"]);
  assert.equal(rebuilt.code, 0, rebuilt.stdout + rebuilt.stderr);
  assert.doesNotMatch(rebuilt.stdout, /\r/, "no terminal, no carriage returns");
  assert.match(rebuilt.stdout, /^(\d+)\/\1 accounts pushed$/m);

  const unconfirmed = await cordon(["org", "delete", "acme-cli"]);
  assert.equal(unconfirmed.code, 2, "without a terminal to confirm in, --yes is required");
  assert.match(unconfirmed.stderr, /pass --yes/);

  const deleted = await cordon(["org", "delete", "acme-cli", "--yes"]);
  assert.equal(deleted.code, 0, deleted.stdout + deleted.stderr);
  assert.match(deleted.stdout, /Deleted acme-cli\. Its NATS account is removed after /);
  const row = await database.db.org.findUniqueOrThrow({ where: { id: org.id } });
  assert.ok(row.deletedAt);
  const deletion = await database.db.auditEvent.findFirstOrThrow({ where: { action: "org.delete", orgId: org.id } });
  assert.equal(deletion.actorType, "cli");
});

test("org create refuses an unknown owner, and without NATS leaves the org pending for the reconciler", async () => {
  const unknown = await cordon(["org", "create", "Nobody's Org", "--owner", "nobody@example.com"]);
  assert.equal(unknown.code, 1);
  assert.match(unknown.stderr, /^cordon: No user has the email nobody@example\.com/m);

  const owner = await createUser(database.db);
  const offline = await cordon(["org", "create", "Offline Org", "--owner", owner.email], { NATS_URL: `nats://127.0.0.1:${await findFreePort()}` });
  assert.equal(offline.code, 0, offline.stdout + offline.stderr);
  assert.match(offline.stderr, /NATS is unreachable/);
  assert.match(offline.stdout, /The NATS account is pending/);
  assert.equal((await database.db.org.findUniqueOrThrow({ where: { slug: "offline-org" } })).status, "pending");
});
