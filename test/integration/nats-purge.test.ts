import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { provisionOrgAccount } from "@/lib/nats/provision-org-account";
import { reconcileAccounts } from "@/lib/nats/reconcile-accounts";
import { deleteOrg } from "@/lib/orgs/delete-org";
import { purgeDeletedOrgs } from "@/lib/orgs/purge-deleted-orgs";
import { testDatabaseForFile } from "@/test/support/database";
import { setTestSecrets, testContext } from "@/test/support/identity";
import { openTestRuntime, startTestNats, type TestNats } from "@/test/support/nats";
import { canConnectAsOrgUser, connectAsOrgUser } from "@/test/support/nats-users";
import { orgWithAdmin } from "@/test/support/orgs";

setTestSecrets();
const database = testDatabaseForFile();
let nats: TestNats;
let runtime: Awaited<ReturnType<typeof openTestRuntime>>;

before(async () => {
  nats = await startTestNats();
  runtime = await openTestRuntime(nats);
});

after(async () => {
  await runtime?.close();
  await nats?.dispose();
});

const DAY_MS = 24 * 60 * 60 * 1000;

const canConnect = (org: { id: string; natsKeyGeneration: number }) => canConnectAsOrgUser(nats.url, nats.keys, org);

test("a deleted org's account is removed after the grace period: its client is cut off and the account stays gone", async () => {
  const { org, adminCtx } = await orgWithAdmin(database.db);
  assert.deepEqual(await provisionOrgAccount(database.db, runtime, org.id), { ok: true });
  const client = await connectAsOrgUser(nats.url, nats.keys, org);
  await client.flush();

  await deleteOrg(database.db, await adminCtx(), org.slug, testContext());
  const deleted = await database.db.org.findUniqueOrThrow({ where: { id: org.id } });
  const early = await purgeDeletedOrgs(database.db, runtime, new Date(deleted.deletedAt!.getTime() + 6 * DAY_MS));
  assert.deepEqual(early, { due: 0, deleted: [], failed: [] }, "within the grace period nothing is purged");
  assert.equal(client.isClosed(), false);

  const cutOff = (async () => {
    for await (const status of client.status()) if (status.type === "disconnect") return Date.now();
  })();
  const purgedAt = Date.now();
  const report = await purgeDeletedOrgs(database.db, runtime, new Date(deleted.deletedAt!.getTime() + 8 * DAY_MS));
  assert.deepEqual(report, { due: 1, deleted: [org.slug], failed: [] });
  const timeout = (ms: number) => new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), ms).unref());
  const disconnectedAt = await Promise.race([cutOff, timeout(2_000)]);
  assert.ok(typeof disconnectedAt === "number" && disconnectedAt - purgedAt < 2_000, "the connected client is cut off at once");
  // Its one reconnect attempt is refused: the account no longer exists.
  assert.notEqual(await Promise.race([client.closed(), timeout(8_000)]), "timeout", "the client's connection closes");

  const purged = await database.db.org.findUniqueOrThrow({ where: { id: org.id } });
  assert.ok(purged.natsDeletedAt);
  const event = await database.db.auditEvent.findFirstOrThrow({ where: { action: "nats_account.delete", orgId: org.id } });
  assert.equal(event.targetId, deleted.natsAccount);
  assert.equal(event.actorType, "system");
  assert.deepEqual(await purgeDeletedOrgs(database.db, runtime, new Date(deleted.deletedAt!.getTime() + 9 * DAY_MS)), { due: 0, deleted: [], failed: [] });

  await reconcileAccounts(database.db, runtime);
  assert.equal(await canConnect(org), false, "reconciling does not bring a purged account back");

  await nats.stop();
  await nats.start();
  const deadline = Date.now() + 10_000;
  while (!runtime.system.isConnected() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  assert.equal(await canConnect(org), false, "the account is still gone after a restart");
  assert.equal(await database.db.auditEvent.count({ where: { action: "nats_account.delete", orgId: org.id } }), 1);
});
