import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { z } from "zod";
import { SystemConnection, NatsRequestError } from "@/lib/nats/system-connection";
import { startTestNats, type TestNats } from "@/test/support/nats";

let nats: TestNats;
let system: SystemConnection;

before(async () => {
  nats = await startTestNats();
  system = await SystemConnection.open({ url: nats.url, keys: nats.keys });
});

after(async () => {
  await system?.close();
  await nats?.dispose();
});

const varzReply = z.object({
  data: z.object({ server_id: z.string(), version: z.string(), system_account: z.string() }),
});

test("the system connection sends a $SYS request and parses the reply", async () => {
  const reply = await system.request("$SYS.REQ.SERVER.PING.VARZ", "", varzReply);
  assert.equal(reply.data.system_account, nats.keys.systemAccount().getPublicKey());
  assert.match(reply.data.version, /^\d+\.\d+\.\d+/);
  assert.equal(system.isConnected(), true);
});

test("a reply of an unexpected shape is an error, not a guess", async () => {
  await assert.rejects(
    system.request("$SYS.REQ.SERVER.PING.VARZ", "", z.object({ data: z.object({ nonexistent: z.string() }) })),
    (error: Error) => error instanceof NatsRequestError && /unexpected shape/.test(error.message),
  );
});

test("a request nobody answers fails with the subject named", async () => {
  await assert.rejects(system.request("cordon.nobody.listens", "", z.unknown(), 500), (error: Error) => /cordon\.nobody\.listens/.test(error.message));
});

test("a user of another operator cannot log in as the system user", async () => {
  const stranger = await startTestNats();
  try {
    await assert.rejects(SystemConnection.open({ url: nats.url, keys: stranger.keys, connectTimeoutMs: 2_000 }));
  } finally {
    await stranger.dispose();
  }
});

test("the connection reports a lost server and recovers when it returns", async () => {
  await nats.stop();
  const deadline = Date.now() + 5_000;
  while (system.isConnected() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  assert.equal(system.isConnected(), false);
  await nats.start();
  const back = Date.now() + 10_000;
  while (!system.isConnected() && Date.now() < back) await new Promise((r) => setTimeout(r, 100));
  assert.equal(system.isConnected(), true);
  const reply = await system.request("$SYS.REQ.SERVER.PING.VARZ", "", varzReply);
  assert.equal(reply.data.system_account, nats.keys.systemAccount().getPublicKey());
});
