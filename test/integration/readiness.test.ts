import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { GET as ready } from "@/app/api/ready/route";
import { bootServer, stopServer } from "@/lib/boot/boot-server";
import { createTestDatabase, type TestDatabase } from "@/test/support/database";
import { startTestNats, type TestNats } from "@/test/support/nats";

let database: TestDatabase;
let nats: TestNats;

before(async () => {
  database = await createTestDatabase();
  nats = await startTestNats();
  process.env.NATS_URL = nats.url;
  process.env.OPERATOR_SEED = nats.operatorSeed;
  process.env.AUTH_SECRET = "test-secret-that-is-long-enough-for-config";
});

after(async () => {
  await stopServer();
  await nats?.dispose();
  await database?.drop();
});

test("/api/ready is 503 naming what is missing, then 200 after boot", async () => {
  const before = await ready();
  assert.equal(before.status, 503);
  const body = await before.json();
  assert.equal(body.status, "not_ready");
  assert.equal(body.checks.database, "ok");
  assert.equal(body.checks.nats, "connecting");
  assert.equal(body.checks.reconcile, "pending");

  await bootServer();

  const afterBoot = await ready();
  assert.equal(afterBoot.status, 200);
  assert.deepEqual((await afterBoot.json()).checks, { database: "ok", nats: "ok", reconcile: "ok" });
});

test("/api/ready turns 503 when NATS goes away and 200 when it is back", async () => {
  await nats.stop();
  const deadline = Date.now() + 5_000;
  let response = await ready();
  while (response.status === 200 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
    response = await ready();
  }
  assert.equal(response.status, 503);
  assert.notEqual((await response.json()).checks.nats, "ok");

  await nats.start();
  const back = Date.now() + 10_000;
  while ((response = await ready()).status !== 200 && Date.now() < back) await new Promise((r) => setTimeout(r, 100));
  assert.equal(response.status, 200);
});
