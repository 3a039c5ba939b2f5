import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { jetstreamManager } from "@nats-io/jetstream";
import type { NatsConnection } from "@nats-io/transport-node";
import { getAccountUsage } from "@/lib/nats/get-account-usage";
import { provisionOrgAccount } from "@/lib/nats/provision-org-account";
import { testDatabaseForFile } from "@/test/support/database";
import { setTestSecrets } from "@/test/support/identity";
import { openTestRuntime, startTestNats, type TestNats } from "@/test/support/nats";
import { connectAsOrgUser } from "@/test/support/nats-users";
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

async function activeOrg() {
  const { org } = await orgWithAdmin(database.db);
  assert.deepEqual(await provisionOrgAccount(database.db, runtime, org.id), { ok: true });
  return database.db.org.findUniqueOrThrow({ where: { id: org.id } });
}

test("with 2 open client connections, usage reports 2 more connections, their subscriptions, traffic and JetStream", async () => {
  const org = await activeOrg();
  const before = await getAccountUsage(runtime, org.natsAccount);
  assert.ok(before.available);
  const connections: NatsConnection[] = [];
  try {
    const [a, b] = await Promise.all([connectAsOrgUser(nats.url, nats.keys, org), connectAsOrgUser(nats.url, nats.keys, org)]);
    connections.push(a, b);
    b.subscribe("orders.>");
    b.subscribe("invoices");
    await b.flush();
    for (let i = 0; i < 10; i++) a.publish("orders.created", "order");
    await a.flush();
    const jsm = await jetstreamManager(a);
    await jsm.streams.add({ name: "USAGE", subjects: ["usage.>"] });
    await jsm.consumers.add("USAGE", { durable_name: "reader" });
    await a.request("usage.one", "twelve bytes");

    const usage = await getAccountUsage(runtime, org.natsAccount);
    assert.ok(usage.available, JSON.stringify(usage));
    assert.equal(usage.connections - before.connections, 2, "2 more than before (Cordon's own pool connection may be one of them)");
    assert.ok(usage.subscriptions >= 2, `subscriptions: ${usage.subscriptions}`);
    assert.equal(usage.leafNodes, 0);
    assert.ok(usage.messages.in - before.messages.in >= 11, JSON.stringify(usage.messages));
    assert.ok(usage.bytes.in > before.bytes.in);
    assert.equal(usage.jetStream?.streams, before.jetStream!.streams + 1);
    assert.equal(usage.jetStream?.consumers, before.jetStream!.consumers + 1);
    assert.ok(usage.jetStream!.storage > before.jetStream!.storage);
  } finally {
    await Promise.all(connections.map((c) => c.close().catch(() => undefined)));
  }
});

test("without NATS, usage is unavailable at once instead of an error", async () => {
  const org = await activeOrg();
  assert.deepEqual(await getAccountUsage(null, org.natsAccount), { available: false, reason: "NATS is not connected" });
  await nats.stop();
  try {
    const started = Date.now();
    const usage = await getAccountUsage(runtime, org.natsAccount);
    assert.equal(usage.available, false);
    assert.ok(Date.now() - started < 2_000, `took ${Date.now() - started} ms`);
  } finally {
    await nats.start();
  }
});
