import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { jetstream, jetstreamManager, type StreamInfo } from "@nats-io/jetstream";
import { z } from "zod";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors/domain-errors";
import { OrgConnectionPool } from "@/lib/nats/org-connection-pool";
import { provisionOrgAccount, type NatsRuntime } from "@/lib/nats/provision-org-account";
import { reconcileAccounts } from "@/lib/nats/reconcile-accounts";
import { SYSTEM_STREAMS } from "@/lib/nats/system-streams";
import { TIER_LIMITS } from "@/lib/nats/tiers";
import { createStream } from "@/lib/streams/create-stream";
import { deleteStream } from "@/lib/streams/delete-stream";
import { listStreams } from "@/lib/streams/list-streams";
import { purgeStream } from "@/lib/streams/purge-stream";
import { updateStream } from "@/lib/streams/update-stream";
import { testDatabaseForFile } from "@/test/support/database";
import { setTestSecrets, testContext } from "@/test/support/identity";
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

const MB = 1024 * 1024;
const SYSTEM_NAMES = SYSTEM_STREAMS.map((stream) => stream.name);

/** A new org whose account and streams are provisioned, with its admin's context loaded afterwards (status active). */
async function activeOrg(nats: NatsRuntime = runtime) {
  const setup = await orgWithAdmin(database.db);
  assert.deepEqual(await provisionOrgAccount(database.db, nats, setup.org.id), { ok: true });
  const org = await database.db.org.findUniqueOrThrow({ where: { id: setup.org.id } });
  return { ...setup, org, ctx: await setup.adminCtx() };
}

/** The org's streams as the server holds them, read over a user connection of its own (not the pool). */
async function serverStreams(org: { id: string; natsKeyGeneration: number }): Promise<Map<string, StreamInfo>> {
  const nc = await connectAsOrgUser(nats.url, nats.keys, org);
  try {
    const streams = new Map<string, StreamInfo>();
    for await (const info of (await jetstreamManager(nc)).streams.list()) streams.set(info.config.name, info);
    return streams;
  } finally {
    await nc.close();
  }
}

async function publish(org: { id: string; natsKeyGeneration: number }, subject: string, count = 1): Promise<void> {
  const nc = await connectAsOrgUser(nats.url, nats.keys, org);
  try {
    const js = jetstream(nc);
    for (let i = 0; i < count; i++) await js.publish(subject, `message ${i}`);
  } finally {
    await nc.close();
  }
}

const connz = z.object({ data: z.object({ connections: z.array(z.object({ name: z.string().optional() })).nullish() }) });

/** Names of the connections the server holds for the org's account (`$SYS.REQ.ACCOUNT.<pub>.CONNZ`). */
async function accountConnections(account: string): Promise<string[]> {
  const reply = await runtime.system.request(`$SYS.REQ.ACCOUNT.${account}.CONNZ`, "", connz);
  return (reply.data.connections ?? []).map((c) => c.name ?? "");
}

function isError(type: new (...args: never[]) => Error, message?: RegExp, field?: string) {
  return (error: unknown) => {
    assert.ok(error instanceof type, `expected ${type.name}, got ${String(error)}`);
    if (message) assert.match(error.message, message);
    if (field) assert.equal((error as { field?: string }).field, field);
    return true;
  };
}

test("provisioning creates EVENTS, DLQ and WEBHOOK_RETRY with the plan's defaults, and the org turns active", async () => {
  const { org } = await activeOrg();
  assert.equal(org.status, "active");
  assert.equal(org.natsError, null);
  const streams = await serverStreams(org);
  assert.deepEqual([...streams.keys()].sort(), [...SYSTEM_NAMES].sort());
  const defaults = TIER_LIMITS.free.streamDefaults;
  for (const { name, subjects } of SYSTEM_STREAMS) {
    const { config } = streams.get(name)!;
    assert.deepEqual(config.subjects, subjects, name);
    assert.equal(config.storage, "file", name);
    assert.equal(config.num_replicas, 1, name);
    assert.equal(config.max_bytes, defaults.maxBytes, name);
    assert.equal(config.max_age, defaults.maxAgeSeconds * 1e9, name);
    assert.equal(config.discard, "old", name);
  }
  const push = await database.db.auditEvent.findFirstOrThrow({ where: { action: "jwt.push", orgId: org.id } });
  assert.deepEqual((push.detail as { streams: unknown }).streams, { created: SYSTEM_NAMES, updated: [] });
});

test("reconciling again creates no duplicates and changes nothing", async () => {
  const { org } = await activeOrg();
  await publish(org, "events.kept");
  const before = await serverStreams(org);
  const report = await reconcileAccounts(database.db, runtime);
  assert.equal(report.failed, 0, JSON.stringify(report));
  const after = await serverStreams(org);
  assert.deepEqual([...after.keys()].sort(), [...before.keys()].sort());
  for (const [name, info] of after) {
    assert.equal(info.created, before.get(name)!.created, `${name} was not recreated`);
    assert.deepEqual(info.config, before.get(name)!.config, `${name} was not changed`);
  }
  assert.equal(after.get("EVENTS")!.state.messages, 1);
  const lastPush = await database.db.auditEvent.findFirstOrThrow({ where: { action: "jwt.push", orgId: org.id }, orderBy: { createdAt: "desc" } });
  assert.deepEqual((lastPush.detail as { streams: unknown }).streams, { created: [], updated: [] });
});

test("a plan change resizes the system streams: max_bytes and max_age follow the new tier", async () => {
  const { org } = await activeOrg();
  await database.db.org.update({ where: { id: org.id }, data: { tier: "pro" } });
  assert.deepEqual(await provisionOrgAccount(database.db, runtime, org.id), { ok: true });
  const pro = TIER_LIMITS.pro.streamDefaults;
  for (const [name, info] of await serverStreams(org)) {
    assert.equal(info.config.max_bytes, pro.maxBytes, name);
    assert.equal(info.config.max_age, pro.maxAgeSeconds * 1e9, name);
  }
  const lastPush = await database.db.auditEvent.findFirstOrThrow({ where: { action: "jwt.push", orgId: org.id }, orderBy: { createdAt: "desc" } });
  assert.deepEqual((lastPush.detail as { streams: unknown }).streams, { created: [], updated: SYSTEM_NAMES });
});

test("when the streams cannot be set up the org stays pending with the reason, and the reconciler finishes the job", async () => {
  const { org } = await orgWithAdmin(database.db);
  // The push reaches the server; the pool's connections cannot (nothing listens on port 1).
  const unreachable = new OrgConnectionPool({ url: "nats://127.0.0.1:1", keys: nats.keys, connectTimeoutMs: 1_000 });
  try {
    const result = await provisionOrgAccount(database.db, { ...runtime, pool: unreachable }, org.id);
    assert.equal(result.ok, false);
    assert.match(result.error!, /streams could not be set up/);
  } finally {
    await unreachable.close();
  }
  const pending = await database.db.org.findUniqueOrThrow({ where: { id: org.id } });
  assert.equal(pending.status, "pending");
  assert.match(pending.natsError!, /streams could not be set up/);
  assert.equal(pending.natsAccount, nats.keys.account(org.id).getPublicKey(), "the push itself is recorded");
  const push = await database.db.auditEvent.findFirstOrThrow({ where: { action: "jwt.push", orgId: org.id } });
  assert.equal(push.outcome, "success");
  assert.match((push.detail as { streamsError: string }).streamsError, /streams could not be set up/);

  const report = await reconcileAccounts(database.db, runtime, { onlyUnconverged: true });
  assert.ok(report.pushed >= 1, JSON.stringify(report));
  const active = await database.db.org.findUniqueOrThrow({ where: { id: org.id } });
  assert.equal(active.status, "active");
  assert.equal(active.natsError, null);
  assert.deepEqual([...(await serverStreams(org)).keys()].sort(), [...SYSTEM_NAMES].sort());
});

test("the pool keeps at most its capacity: with 2 connections and 3 orgs, the least recently used one is closed", async () => {
  const small = await openTestRuntime(nats, { poolCapacity: 2 });
  try {
    const [a, b, c] = [await activeOrg(small), await activeOrg(small), await activeOrg(small)];
    assert.equal(small.pool.size, 2);
    assert.deepEqual(await accountConnections(a.org.natsAccount!), [], "a, used first, was closed");
    assert.deepEqual(await accountConnections(b.org.natsAccount!), [`cordon-pool:${b.org.id}`]);
    assert.deepEqual(await accountConnections(c.org.natsAccount!), [`cordon-pool:${c.org.id}`]);

    // Using b makes c the least recently used: a comes back in c's place.
    await small.pool.withConnection(b.org, (nc) => nc.flush());
    await small.pool.withConnection(a.org, (nc) => nc.flush());
    assert.equal(small.pool.size, 2);
    assert.equal((await accountConnections(a.org.natsAccount!)).length, 1);
    assert.equal((await accountConnections(b.org.natsAccount!)).length, 1);
    assert.equal((await accountConnections(c.org.natsAccount!)).length, 0);
  } finally {
    await small.close();
  }
});

test("the pool never evicts a connection in use: a third org waits until one is released", async () => {
  const pool = new OrgConnectionPool({ url: nats.url, keys: nats.keys, capacity: 2 });
  try {
    const [a, b, c] = [await activeOrg(), await activeOrg(), await activeOrg()];
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const order: string[] = [];
    const holdA = pool.withConnection(a.org, async () => {
      order.push("a");
      await held;
    });
    const holdB = pool.withConnection(b.org, async () => {
      order.push("b");
      await held;
    });
    const useC = pool.withConnection(c.org, async (nc) => {
      order.push("c");
      await nc.flush();
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.deepEqual(order.sort(), ["a", "b"], "c waits while a and b are leased");
    assert.equal(pool.size, 2);
    release();
    await Promise.all([holdA, holdB, useC]);
    assert.deepEqual(order, ["a", "b", "c"]);
    assert.equal(pool.size, 2);
  } finally {
    await pool.close();
  }
});

test("the pool shares one connect between concurrent first uses, and re-makes a connection that closed", async () => {
  const pool = new OrgConnectionPool({ url: nats.url, keys: nats.keys, capacity: 4 });
  try {
    const { org } = await activeOrg();
    const connections = await Promise.all(Array.from({ length: 5 }, () => pool.withConnection(org, async (nc) => nc)));
    assert.equal(new Set(connections).size, 1);
    assert.equal(pool.size, 1);
    await connections[0].close();
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(pool.size, 0, "a closed connection is dropped");
    const again = await pool.withConnection(org, async (nc) => {
      await nc.flush();
      return nc;
    });
    assert.notEqual(again, connections[0]);
    assert.equal(again.isClosed(), false);
  } finally {
    await pool.close();
  }
});

test("isolation: a message published to events.x in org A is stored in A's EVENTS, not in B's", async () => {
  const [a, b] = [await activeOrg(), await activeOrg()];
  await publish(a.org, "events.x");
  assert.equal((await serverStreams(a.org)).get("EVENTS")!.state.messages, 1);
  assert.equal((await serverStreams(b.org)).get("EVENTS")!.state.messages, 0);
});

test("create, update, purge and delete a stream, each with its audit event", async () => {
  const { org, ctx, admin } = await activeOrg();
  const created = await createStream(
    database.db,
    runtime,
    ctx,
    { name: "ORDERS", subjects: ["orders.>"], maxBytes: 10 * MB, maxAgeSeconds: 3600, maxMsgSize: 64 * 1024 },
    testContext(),
  );
  assert.deepEqual(
    {
      name: created.name,
      subjects: created.subjects,
      storage: created.storage,
      maxBytes: created.maxBytes,
      maxAgeSeconds: created.maxAgeSeconds,
      system: created.system,
    },
    { name: "ORDERS", subjects: ["orders.>"], storage: "file", maxBytes: 10 * MB, maxAgeSeconds: 3600, system: false },
  );

  const updated = await updateStream(database.db, runtime, ctx, "ORDERS", { subjects: ["orders.>", "refunds.*"], maxAgeSeconds: 7200 }, testContext());
  assert.deepEqual(updated.subjects, ["orders.>", "refunds.*"]);
  assert.equal(updated.maxAgeSeconds, 7200);
  assert.equal(updated.maxBytes, 10 * MB, "left out, kept");
  assert.equal((await serverStreams(org)).get("ORDERS")!.config.max_age, 7200 * 1e9);

  await publish(org, "orders.1", 3);
  await publish(org, "refunds.1");
  const listed = (await listStreams(runtime, ctx)).find((stream) => stream.name === "ORDERS")!;
  assert.equal(listed.messages, 4);
  assert.ok(listed.lastActivity && Date.now() - listed.lastActivity.getTime() < 60_000);
  assert.deepEqual(await purgeStream(database.db, runtime, ctx, "ORDERS", testContext()), { purged: 4 });
  assert.equal((await serverStreams(org)).get("ORDERS")!.state.messages, 0);

  await deleteStream(database.db, runtime, ctx, "ORDERS", testContext());
  assert.equal((await serverStreams(org)).has("ORDERS"), false);
  await assert.rejects(deleteStream(database.db, runtime, ctx, "ORDERS", testContext()), isError(NotFoundError));

  const events = await database.db.auditEvent.findMany({ where: { orgId: org.id, action: { startsWith: "stream." } }, orderBy: { createdAt: "asc" } });
  assert.deepEqual(
    events.map((e) => [e.action, e.targetId, e.actorId]),
    [
      ["stream.create", "ORDERS", admin.id],
      ["stream.update", "ORDERS", admin.id],
      ["stream.purge", "ORDERS", admin.id],
      ["stream.delete", "ORDERS", admin.id],
    ],
  );
  assert.deepEqual((events[1].detail as { before: { subjects: string[] } }).before.subjects, ["orders.>"]);
  assert.equal((events[2].detail as { purged: number }).purged, 4);
});

test("the Free plan's stream count and storage are explained, not a server error", async () => {
  const { ctx } = await activeOrg();
  const free = TIER_LIMITS.free;
  const room = free.jetStream.disk_storage - SYSTEM_STREAMS.length * free.streamDefaults.maxBytes;
  await assert.rejects(
    createStream(database.db, runtime, ctx, { name: "BIG", subjects: ["big.>"], maxBytes: room + MB }, testContext()),
    isError(ValidationError, /Your Free plan has 1 GB of file storage .* at most 256 MB is left for this stream/, "maxBytes"),
  );
  await assert.rejects(
    createStream(database.db, runtime, ctx, { name: "HUGE_MSGS", subjects: ["huge.>"], maxMsgSize: 2 * MB }, testContext()),
    isError(ValidationError, /messages are at most 256 KB/, "maxMsgSize"),
  );
  for (let i = SYSTEM_STREAMS.length; i < free.jetStream.streams; i++) {
    await createStream(database.db, runtime, ctx, { name: `S${i}`, subjects: [`s${i}.>`] }, testContext());
  }
  await assert.rejects(
    createStream(database.db, runtime, ctx, { name: "ONE_MORE", subjects: ["more.>"] }, testContext()),
    isError(ValidationError, /^Your Free plan allows 5 streams; delete one or upgrade\.$/),
  );
});

test("subjects are checked: valid, not reaching into the system streams, not overlapping another stream", async () => {
  const { ctx } = await activeOrg();
  await assert.rejects(
    createStream(database.db, runtime, ctx, { name: "SNEAKY", subjects: ["events.orders"] }, testContext()),
    isError(ValidationError, /overlaps "events\.>", which the EVENTS system stream reserves/, "subjects"),
  );
  await assert.rejects(
    createStream(database.db, runtime, ctx, { name: "BAD", subjects: ["a..b"] }, testContext()),
    isError(ValidationError, /empty part/, "subjects"),
  );
  await assert.rejects(
    createStream(database.db, runtime, ctx, { name: "bad name!", subjects: ["a"] }, testContext()),
    isError(ValidationError, undefined, "name"),
  );
  await createStream(database.db, runtime, ctx, { name: "ORDERS", subjects: ["orders.*"] }, testContext());
  await assert.rejects(
    createStream(database.db, runtime, ctx, { name: "ORDERS_EU", subjects: ["orders.eu"] }, testContext()),
    isError(ValidationError, /overlaps "orders\.\*" of the ORDERS stream/, "subjects"),
  );
  await assert.rejects(
    createStream(database.db, runtime, ctx, { name: "ORDERS", subjects: ["other"] }, testContext()),
    isError(Error, /already exists/, "name"),
  );
});

test("system streams can be purged but not deleted or changed", async () => {
  const { org, ctx } = await activeOrg();
  await publish(org, "events.a", 2);
  await assert.rejects(deleteStream(database.db, runtime, ctx, "EVENTS", testContext()), isError(ValidationError, /system stream and cannot be deleted/));
  await assert.rejects(
    updateStream(database.db, runtime, ctx, "EVENTS", { subjects: ["events.>", "more.>"] }, testContext()),
    isError(ValidationError, /system stream/),
  );
  assert.deepEqual(await purgeStream(database.db, runtime, ctx, "EVENTS", testContext()), { purged: 2 });
  const streams = await listStreams(runtime, ctx);
  assert.deepEqual(
    streams.filter((s) => s.system).map((s) => s.name),
    [...SYSTEM_NAMES].sort(),
  );
  assert.equal((await serverStreams(org)).get("EVENTS")!.config.subjects?.join(), "events.>");
});

test("permissions: a viewer lists but cannot create; a member cannot delete; a name that is no stream is not found", async () => {
  const { ctx, addMember } = await activeOrg();
  const viewer = await (await addMember("viewer")).ctx();
  const member = await (await addMember("member")).ctx();
  assert.equal((await listStreams(runtime, viewer)).length, SYSTEM_STREAMS.length);
  await assert.rejects(
    createStream(database.db, runtime, viewer, { name: "NOPE", subjects: ["nope"] }, testContext()),
    isError(ForbiddenError, /nats_streams:write/),
  );
  await assert.rejects(deleteStream(database.db, runtime, member, "EVENTS", testContext()), isError(ForbiddenError, /nats_streams:delete/));
  await assert.rejects(purgeStream(database.db, runtime, ctx, "EVENTS.>", testContext()), isError(NotFoundError));
});

test("without NATS, or before the account is set up, the use cases say so instead of failing", async () => {
  const { ctx } = await activeOrg();
  await assert.rejects(listStreams(null, ctx), isError(ConflictError, /not connected to NATS/));
  const pending = await orgWithAdmin(database.db);
  await assert.rejects(listStreams(runtime, await pending.adminCtx()), isError(ConflictError, /still being set up/));
});
