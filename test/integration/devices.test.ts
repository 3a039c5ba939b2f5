import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { jetstream } from "@nats-io/jetstream";
import { createDevice } from "@/lib/devices/create-device";
import { listDevices } from "@/lib/devices/list-devices";
import { revokeDevice } from "@/lib/devices/revoke-device";
import { ConflictError } from "@/lib/errors/domain-errors";
import { provisionOrgAccount } from "@/lib/nats/provision-org-account";
import { createNatsUser } from "@/lib/nats-users/create-nats-user";
import { callApi } from "@/test/support/api";
import { connectWithCreds, type CredsClient } from "@/test/support/creds-client";
import { testDatabaseForFile } from "@/test/support/database";
import { setTestSecrets, testContext } from "@/test/support/identity";
import { openTestRuntime, startTestNats, type TestNats } from "@/test/support/nats";
import { orgWithAdmin } from "@/test/support/orgs";

setTestSecrets();
const database = testDatabaseForFile();
let nats: TestNats;
let runtime: Awaited<ReturnType<typeof openTestRuntime>>;
const clients: CredsClient[] = [];

// The sync route reaches NATS through the runtime boot puts in place.
before(async () => {
  nats = await startTestNats();
  runtime = await openTestRuntime(nats, { asBoot: true });
});

after(async () => {
  await Promise.all(clients.map((client) => (client.nc.isClosed() ? undefined : client.nc.close())));
  await runtime?.close();
  await nats?.dispose();
});

async function client(creds: string): Promise<CredsClient> {
  const connected = await connectWithCreds(nats.url, creds);
  clients.push(connected);
  return connected;
}

/** An active org with two devices and a backend user allowed everything (which publishes to devices through JetStream). */
async function orgWithDevices() {
  const setup = await orgWithAdmin(database.db);
  assert.deepEqual(await provisionOrgAccount(database.db, runtime, setup.org.id), { ok: true });
  const ctx = await setup.adminCtx();
  const a = await createDevice(database.db, runtime, ctx, { name: "till-1" }, testContext());
  const b = await createDevice(database.db, runtime, ctx, { name: "till-2", description: "back office" }, testContext());
  const backendCreds = (
    await createNatsUser(
      database.db,
      runtime,
      ctx,
      { name: "backend", permissions: { pub: { allow: [], deny: [] }, sub: { allow: [], deny: [] }, resp: null } },
      testContext(),
    )
  ).creds;
  const backend = await client(backendCreds);
  const js = jetstream(backend.nc);
  const publish = async (subject: string, data: string | Uint8Array = subject) => (await js.publish(subject, data)).seq;
  return { ...setup, ctx, a, b, backend, publish };
}

const sync = (licenseKey: string | null, query = "") =>
  callApi("GET", "/devices/sync", {}, { headers: licenseKey ? { "x-license-key": licenseKey } : {}, query });

test("creating a device shows its license key and creds once and stores only the key's hash and the user's public key", async () => {
  const { ctx, a, org } = await orgWithDevices();
  assert.match(a.licenseKey, /^lic_[a-z2-7]{12}_/);
  assert.match(a.creds, /-----BEGIN USER NKEY SEED-----/);
  assert.equal(a.device.subject, `events.license.${a.device.licensePrefix}.>`);
  assert.equal(a.device.status, "active");
  const row = await database.db.device.findUniqueOrThrow({ where: { id: a.device.id }, include: { natsUser: true } });
  assert.equal(row.natsUser.kind, "device");
  assert.notEqual(row.licenseKeyHash, a.licenseKey);
  assert.ok(!JSON.stringify(row).includes(a.licenseKey.slice(17)), "no part of the secret is stored");
  const listed = await listDevices(database.db, ctx);
  assert.deepEqual(
    listed.map((d) => d.name),
    ["till-2", "till-1"],
  );
  const audit = await database.db.auditEvent.findFirstOrThrow({ where: { orgId: org.id, action: "device.create", targetId: a.device.id } });
  assert.equal((audit.detail as { licensePrefix: string }).licensePrefix, a.device.licensePrefix);
});

test("a device receives its own subjects and broadcasts, never another device's, and may neither snoop nor broadcast", async () => {
  const { a, b, backend } = await orgWithDevices();
  const deviceA = await client(a.creds);
  const deviceB = await client(b.creds);
  const gotA: string[] = [];
  const gotB: string[] = [];
  const collect = (into: string[]) => (error: Error | null, message: { subject: string }) => void (error ? undefined : into.push(message.subject));
  deviceA.nc.subscribe(`events.license.${a.device.licensePrefix}.>`, { callback: collect(gotA) });
  deviceA.nc.subscribe("events.license.*.broadcast.>", { callback: collect(gotA) });
  deviceB.nc.subscribe(`events.license.${b.device.licensePrefix}.>`, { callback: collect(gotB) });
  deviceB.nc.subscribe("events.license.*.broadcast.>", { callback: collect(gotB) });
  // Attempts to listen to everything or to the other device: refused by the server.
  deviceA.nc.subscribe(`events.license.${b.device.licensePrefix}.>`, { callback: collect(gotA) });
  deviceA.nc.subscribe("events.license.>", { callback: collect(gotA) });
  deviceA.nc.subscribe(">", { callback: collect(gotA) });
  await Promise.all([deviceA.nc.flush(), deviceB.nc.flush()]);

  backend.nc.publish(`events.license.${a.device.licensePrefix}.price_update`, "1");
  backend.nc.publish(`events.license.${b.device.licensePrefix}.price_update`, "2");
  backend.nc.publish("events.license.all.broadcast.system_notice", "3");
  deviceA.nc.publish(`events.license.${a.device.licensePrefix}.sale`, "4");
  deviceA.nc.publish(`events.license.${b.device.licensePrefix}.spoof`, "5");
  deviceA.nc.publish(`events.license.${a.device.licensePrefix}.broadcast.fake`, "6");
  await Promise.all([backend.nc.flush(), deviceA.nc.flush()]);
  await new Promise((resolve) => setTimeout(resolve, 300));

  assert.deepEqual(
    gotA.sort(),
    [
      "events.license.all.broadcast.system_notice",
      `events.license.${a.device.licensePrefix}.price_update`,
      `events.license.${a.device.licensePrefix}.sale`,
    ].sort(),
  );
  assert.deepEqual(gotB.sort(), ["events.license.all.broadcast.system_notice", `events.license.${b.device.licensePrefix}.price_update`].sort());
  for (const refused of [
    `Subscription to "events.license.${b.device.licensePrefix}.>"`,
    'Subscription to "events.license.>"',
    'Subscription to ">"',
    `Publish to "events.license.${b.device.licensePrefix}.spoof"`,
    `Publish to "events.license.${a.device.licensePrefix}.broadcast.fake"`,
  ])
    assert.ok(await deviceA.waitForError(new RegExp(`Permissions Violation for ${refused.replace(/[.*>]/g, "\\$&")}`)), refused);
});

test("offline sync returns what was sent to the device and broadcast while it was away, then continues from the cursor", async () => {
  const { a, b, publish, org } = await orgWithDevices();
  const first = await publish(`events.license.${b.device.licensePrefix}.price_update`, JSON.stringify({ sku: "A1", price: 3 }));
  await publish(`events.license.${a.device.licensePrefix}.price_update`);
  await publish("events.license.all.broadcast.system_notice", "closing early");
  await publish(`events.license.${b.device.licensePrefix}.category_update`, new Uint8Array([0xff, 0xfe]));
  await publish("events.other", "not for devices");

  const response = await sync(b.licenseKey);
  assert.equal(response.status, 200, await response.clone().text());
  const batch = await response.json();
  assert.equal(batch.device.licensePrefix, b.device.licensePrefix);
  assert.deepEqual(
    batch.messages.map((m: { subject: string }) => m.subject),
    [
      `events.license.${b.device.licensePrefix}.price_update`,
      "events.license.all.broadcast.system_notice",
      `events.license.${b.device.licensePrefix}.category_update`,
    ],
  );
  assert.equal(batch.messages[0].seq, first);
  assert.deepEqual(JSON.parse(batch.messages[0].data), { sku: "A1", price: 3 });
  assert.equal(batch.messages[0].encoding, "utf8");
  assert.deepEqual(batch.messages[2], { ...batch.messages[2], data: "//4=", encoding: "base64" });
  assert.equal(batch.more, false);
  assert.equal(batch.cursor, batch.messages[2].seq);

  const caughtUp = await (await sync(b.licenseKey, `?since=${batch.cursor}`)).json();
  assert.deepEqual(caughtUp.messages, []);
  assert.equal(caughtUp.cursor, batch.cursor);
  const later = await publish(`events.license.${b.device.licensePrefix}.price_update`, "later");
  const next = await (await sync(b.licenseKey, `?since=${batch.cursor}`)).json();
  assert.deepEqual(
    next.messages.map((m: { seq: number; data: string }) => [m.seq, m.data]),
    [[later, "later"]],
  );
  const byTime = await (await sync(b.licenseKey, `?since=${encodeURIComponent(new Date(Date.now() - 60_000).toISOString())}`)).json();
  assert.equal(byTime.messages.length, 4);

  const device = await database.db.device.findUniqueOrThrow({ where: { id: b.device.id } });
  assert.ok(device.lastSeenAt && Date.now() - device.lastSeenAt.getTime() < 10_000);
  const audited = await database.db.auditEvent.findMany({ where: { orgId: org.id, action: "device.sync" } });
  assert.equal(audited.length, 3, "only syncs that returned messages are audited");
  assert.equal((await sync(b.licenseKey, "?since=yesterday")).status, 400);
});

test("sync refuses a missing, malformed, wrong or revoked license key; revoking also cuts the device's connection", async () => {
  const { ctx, a, b } = await orgWithDevices();
  for (const key of [null, "nonsense", `${a.licenseKey.slice(0, -2)}xx`]) {
    const response = await sync(key);
    assert.equal(response.status, 401, String(key));
    assert.equal(response.headers.get("content-type"), "application/problem+json");
  }
  const connected = await client(a.creds);
  const revoked = await revokeDevice(database.db, runtime, ctx, a.device.id, testContext());
  assert.deepEqual(revoked.push, { ok: true });
  assert.equal(revoked.device.status, "revoked");
  assert.ok(await connected.waitForError(/User Authentication Revoked/, 1_000));
  const refused = await sync(a.licenseKey);
  assert.equal(refused.status, 401);
  assert.match((await refused.json()).detail, /revoked/);
  assert.equal((await sync(b.licenseKey)).status, 200, "the other device is unaffected");
  await assert.rejects(revokeDevice(database.db, runtime, ctx, a.device.id, testContext()), ConflictError);
});
