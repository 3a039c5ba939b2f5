import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { decode, parseCreds, type User } from "@nats-io/jwt";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors/domain-errors";
import { provisionOrgAccount } from "@/lib/nats/provision-org-account";
import { verifyAccounts } from "@/lib/nats/verify-accounts";
import { createNatsUser } from "@/lib/nats-users/create-nats-user";
import { deleteNatsUser } from "@/lib/nats-users/delete-nats-user";
import { getNatsUser } from "@/lib/nats-users/get-nats-user";
import { listNatsUsers } from "@/lib/nats-users/list-nats-users";
import type { CreateNatsUserInput } from "@/lib/nats-users/nats-user-input";
import type { NatsPermissionSpec } from "@/lib/nats-users/permission-spec";
import { reissueNatsUserCreds } from "@/lib/nats-users/reissue-nats-user-creds";
import { revokeNatsUser } from "@/lib/nats-users/revoke-nats-user";
import { updateNatsUser } from "@/lib/nats-users/update-nats-user";
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

before(async () => {
  nats = await startTestNats();
  runtime = await openTestRuntime(nats);
});

after(async () => {
  await Promise.all(clients.map((client) => (client.nc.isClosed() ? undefined : client.nc.close())));
  await runtime?.close();
  await nats?.dispose();
});

const OPEN: NatsPermissionSpec = { pub: { allow: [], deny: [] }, sub: { allow: [], deny: [] }, resp: null };
const spec = (partial: Partial<NatsPermissionSpec>): NatsPermissionSpec => ({ ...OPEN, ...partial });

async function activeOrg() {
  const setup = await orgWithAdmin(database.db);
  assert.deepEqual(await provisionOrgAccount(database.db, runtime, setup.org.id), { ok: true });
  return { ...setup, ctx: await setup.adminCtx() };
}

async function client(creds: string, name?: string): Promise<CredsClient> {
  const connected = await connectWithCreds(nats.url, creds, name);
  clients.push(connected);
  return connected;
}

type Ctx = Awaited<ReturnType<typeof activeOrg>>["ctx"];
const create = (ctx: Ctx, input: CreateNatsUserInput) => createNatsUser(database.db, runtime, ctx, input, testContext());

/** Subscribes `watcher` to `subject` and reports whether a message published there arrives within a short wait. */
async function arrives(watcher: CredsClient, publisher: CredsClient, subject: string): Promise<boolean> {
  let received = false;
  const sub = watcher.nc.subscribe(subject, { callback: (error) => void (received ||= !error) });
  await watcher.nc.flush();
  publisher.nc.publish(subject, "hello");
  await publisher.nc.flush();
  await new Promise((resolve) => setTimeout(resolve, 150));
  sub.unsubscribe();
  return received;
}

const refusal = async (creds: string) => {
  try {
    const connected = await connectWithCreds(nats.url, creds);
    await connected.nc.close();
    return null;
  } catch (error) {
    return (error as Error).message;
  }
};

test("allowed publishes are delivered; a denied one gets a permissions violation and goes nowhere", async () => {
  const { ctx } = await activeOrg();
  const watcher = await client((await create(ctx, { name: "watcher", permissions: OPEN })).creds);
  const created = await create(ctx, { name: "orders-pub", kind: "service", permissions: spec({ pub: { allow: ["orders.>"], deny: ["orders.secret"] } }) });
  assert.equal(created.user.kind, "service");
  assert.equal(created.user.status, "active");
  const publisher = await client(created.creds);
  assert.equal(await arrives(watcher, publisher, "orders.created"), true);
  assert.equal(await arrives(watcher, publisher, "payments.created"), false);
  assert.match((await publisher.waitForError(/Permissions Violation for Publish to "payments\.created"/)) ?? "", /payments/);
  assert.equal(await arrives(watcher, publisher, "orders.secret"), false, "deny wins over allow");
  assert.ok(await publisher.waitForError(/Permissions Violation for Publish to "orders\.secret"/));
  assert.equal(publisher.nc.isClosed(), false, "a violation does not close the connection");
});

test("a queue permission `foo v1` allows that queue group only, not a plain subscription or another group", async () => {
  const { ctx } = await activeOrg();
  const worker = await client((await create(ctx, { name: "worker", permissions: spec({ sub: { allow: ["foo v1"], deny: [] } }) })).creds);
  const publisher = await client((await create(ctx, { name: "producer", permissions: OPEN })).creds);
  const got: string[] = [];
  // A refused subscription's callback is called once, with the violation as its error.
  const record = (label: string) => (error: Error | null) => void (error ? undefined : got.push(label));
  worker.nc.subscribe("foo", { queue: "v1", callback: record("v1") });
  worker.nc.subscribe("foo", { queue: "v2", callback: record("v2") });
  worker.nc.subscribe("foo", { callback: record("plain") });
  await worker.nc.flush();
  publisher.nc.publish("foo", "job");
  await publisher.nc.flush();
  await new Promise((resolve) => setTimeout(resolve, 200));
  assert.deepEqual(got, ["v1"]);
  assert.ok(await worker.waitForError(/Permissions Violation for Subscription to "foo" using queue "v2"/));
  assert.ok(await worker.waitForError(/^Permissions Violation for Subscription to "foo"$/));
});

test("allow_responses lets a responder reply without any publish grant, and only to requests", async () => {
  const { ctx } = await activeOrg();
  const responder = await client(
    (await create(ctx, { name: "echo-svc", kind: "service", permissions: spec({ sub: { allow: ["svc.echo"], deny: [] }, resp: { max: 1, ttlSeconds: 5 } }) }))
      .creds,
  );
  const caller = await client((await create(ctx, { name: "caller", permissions: OPEN })).creds);
  responder.nc.subscribe("svc.echo", { callback: (_error, message) => void message.respond(`echo: ${message.string()}`) });
  await responder.nc.flush();
  assert.equal((await caller.nc.request("svc.echo", "hi", { timeout: 2_000 })).string(), "echo: hi");
  responder.nc.publish("elsewhere", "x");
  assert.ok(await responder.waitForError(/Permissions Violation for Publish to "elsewhere"/));
});

test("revoking cuts a connected client within a second, refuses its creds afterwards, and is never undone by re-issue", async () => {
  const { ctx, org } = await activeOrg();
  const created = await create(ctx, { name: "to-revoke", permissions: OPEN });
  const connected = await client(created.creds);
  const started = Date.now();
  const result = await revokeNatsUser(database.db, runtime, ctx, created.user.id, testContext());
  const pushedAfter = Date.now() - started;
  assert.deepEqual(result.push, { ok: true });
  assert.equal(result.user.status, "revoked");
  assert.ok(await connected.waitForError(/User Authentication Revoked/, 1_000), `errors: ${connected.errors.join(", ")}`);
  const cutAfter = (connected.disconnectedAt() ?? Date.now()) - started;
  assert.ok(cutAfter < 1_000, `cut after ${cutAfter} ms`);
  console.log(`revocation: account pushed after ${pushedAfter} ms, client cut after ${cutAfter} ms`);
  assert.match((await refusal(created.creds)) ?? "connected", /Authorization Violation/);
  await assert.rejects(reissueNatsUserCreds(database.db, runtime, ctx, created.user.id, {}, testContext()), ConflictError);
  await assert.rejects(revokeNatsUser(database.db, runtime, ctx, created.user.id, testContext()), /already revoked/);
  const revocations = await database.db.natsRevocation.findMany({ where: { orgId: org.id } });
  assert.deepEqual(
    revocations.map((r) => r.publicKey),
    [created.user.publicKey],
  );
  assert.deepEqual(
    (await database.db.auditEvent.findMany({ where: { orgId: org.id, targetId: created.user.id }, orderBy: { seq: "asc" } })).map((e) => e.action),
    ["nats_user.create", "nats_user.revoke"],
  );
});

test("re-issuing rotates the key: the new creds work, the old ones are cut and refused, and the expiry carries over", async () => {
  const { ctx, org } = await activeOrg();
  const expiresAt = new Date(Date.now() + 3_600_000);
  const created = await create(ctx, { name: "rotating", permissions: OPEN, expiresAt: expiresAt.toISOString() });
  const old = await client(created.creds);
  const reissued = await reissueNatsUserCreds(database.db, runtime, ctx, created.user.id, {}, testContext());
  assert.deepEqual(reissued.push, { ok: true });
  assert.notEqual(reissued.user.publicKey, created.user.publicKey);
  assert.equal(reissued.user.expiresAt, new Date(Math.floor(expiresAt.getTime())).toISOString());
  assert.ok(await old.waitForError(/User Authentication Revoked/, 1_000));
  assert.match((await refusal(created.creds)) ?? "connected", /Authorization Violation/);
  const fresh = await client(reissued.creds);
  await fresh.nc.flush();
  const jwt = decode<User>((await parseCreds(new TextEncoder().encode(reissued.creds))).jwt);
  assert.equal(jwt.sub, reissued.user.publicKey);
  assert.equal(jwt.exp, Math.floor(expiresAt.getTime() / 1000));
  const rotate = await database.db.auditEvent.findFirstOrThrow({ where: { orgId: org.id, action: "credential.rotate" } });
  assert.deepEqual(rotate.detail, { publicKey: reissued.user.publicKey, revokedKey: created.user.publicKey, expiresAt: expiresAt.toISOString() });
  const [revocation] = await database.db.natsRevocation.findMany({ where: { orgId: org.id } });
  assert.equal(revocation.publicKey, created.user.publicKey);
  assert.equal(revocation.until?.toISOString(), expiresAt.toISOString(), "needed only until the old JWT expires");
});

test("changing permissions issues new creds on a new key and revokes the old; a description alone needs none", async () => {
  const { ctx } = await activeOrg();
  const watcher = await client((await create(ctx, { name: "watch", permissions: OPEN })).creds);
  const created = await create(ctx, { name: "narrowing", permissions: spec({ pub: { allow: ["a.>", "b.>"], deny: [] } }) });
  const described = await updateNatsUser(database.db, runtime, ctx, created.user.id, { description: "sends a and b" }, testContext());
  assert.equal(described.creds, undefined);
  assert.equal(described.user.publicKey, created.user.publicKey);
  const unchanged = await updateNatsUser(
    database.db,
    runtime,
    ctx,
    created.user.id,
    { permissions: spec({ pub: { allow: ["a.>", "b.>"], deny: [] } }) },
    testContext(),
  );
  assert.equal(unchanged.creds, undefined, "the same permissions change nothing");
  const old = await client(created.creds);
  const narrowed = await updateNatsUser(
    database.db,
    runtime,
    ctx,
    created.user.id,
    { permissions: spec({ pub: { allow: ["a.>"], deny: [] } }) },
    testContext(),
  );
  assert.ok(narrowed.creds);
  assert.deepEqual(narrowed.push, { ok: true });
  assert.notEqual(narrowed.user.publicKey, created.user.publicKey);
  assert.ok(await old.waitForError(/User Authentication Revoked/, 1_000));
  const fresh = await client(narrowed.creds!);
  assert.equal(await arrives(watcher, fresh, "a.x"), true);
  assert.equal(await arrives(watcher, fresh, "b.x"), false);
  await assert.rejects(
    updateNatsUser(database.db, runtime, ctx, created.user.id, { permissions: spec({ pub: { allow: ["a..b"], deny: [] } }) }, testContext()),
    (error: unknown) => error instanceof ValidationError && /empty token/.test(error.message) && error.field === "permissions",
  );
});

test("input rules: names unique per org, no device kind here, expiry in the future, limits in the JWT; another org's user is not found", async () => {
  const { ctx } = await activeOrg();
  const other = await activeOrg();
  await create(ctx, { name: "dup", permissions: OPEN });
  await assert.rejects(create(ctx, { name: "dup", permissions: OPEN }), (error: unknown) => error instanceof ConflictError && error.field === "name");
  await assert.rejects(create(ctx, { name: "bad name", permissions: OPEN }), (error: unknown) => error instanceof ValidationError && error.field === "name");
  await assert.rejects(create(ctx, { name: "dev", kind: "device", permissions: OPEN }), /Devices/);
  await assert.rejects(create(ctx, { name: "late", permissions: OPEN, expiresAt: new Date(Date.now() - 1000).toISOString() }), /in the future/);
  const limited = await create(ctx, { name: "limited", permissions: OPEN, maxPayload: 16, maxSubscriptions: 1 });
  const jwt = decode<User>((await parseCreds(new TextEncoder().encode(limited.creds))).jwt);
  assert.equal(jwt.nats.payload, 16);
  assert.equal(jwt.nats.subs, 1);
  const limitedClient = await client(limited.creds);
  assert.equal(limitedClient.nc.info?.max_payload, 16, "the server applies the user's payload limit");
  await assert.rejects(getNatsUser(database.db, other.ctx, limited.user.id), NotFoundError);
  await assert.rejects(getNatsUser(database.db, ctx, "not-a-uuid"), NotFoundError);
  await assert.rejects(revokeNatsUser(database.db, runtime, other.ctx, limited.user.id, testContext()), NotFoundError);
  const leaf = await create(ctx, { name: "edge-site", kind: "leaf", permissions: OPEN });
  assert.match(leaf.leafnodeConfig ?? "", /credentials: "\.\/edge-site\.creds"/);
  assert.match((await refusal(leaf.creds)) ?? "connected", /Authorization Violation/, "a leaf user connects only as a leaf node");
});

test("the list shows live connections and when each user was last seen, from $SYS CONNZ; deleting revokes and frees the name", async () => {
  const { ctx } = await activeOrg();
  const online = await create(ctx, { name: "online", permissions: OPEN });
  const gone = await create(ctx, { name: "gone", permissions: OPEN });
  await create(ctx, { name: "never", permissions: OPEN });
  await client(online.creds, "online-conn");
  const once = await client(gone.creds);
  await once.nc.close();
  const listing = await listNatsUsers(database.db, runtime, ctx);
  assert.deepEqual(listing.connections, { available: true });
  const byName = new Map(listing.users.map((user) => [user.name, user.connections]));
  assert.equal(byName.get("online")?.live, 1);
  assert.equal(byName.get("gone")?.live, 0);
  assert.ok(byName.get("gone")?.lastSeenAt, "a closed connection is remembered");
  assert.deepEqual(byName.get("never"), { live: 0, lastSeenAt: null });

  const connected = await client(online.creds);
  assert.deepEqual((await deleteNatsUser(database.db, runtime, ctx, online.user.id, testContext())).push, { ok: true });
  assert.ok(await connected.waitForError(/User Authentication Revoked/, 1_000));
  assert.equal(await database.db.natsUser.count({ where: { id: online.user.id } }), 0);
  await create(ctx, { name: "online", permissions: OPEN });
});

test("without NATS a revocation is kept and the org is flagged for the reconciler, which pushes it; verify-all sees no drift", async () => {
  const { ctx, org } = await activeOrg();
  const created = await create(ctx, { name: "offline-revoke", permissions: OPEN });
  const revoked = await revokeNatsUser(database.db, null, ctx, created.user.id, testContext());
  assert.equal(revoked.push.ok, false);
  assert.match((await database.db.org.findUniqueOrThrow({ where: { id: org.id } })).natsError ?? "", /revoked NATS user/);
  const stillWorks = await client(created.creds);
  await stillWorks.nc.flush();
  assert.deepEqual(await provisionOrgAccount(database.db, runtime, org.id), { ok: true });
  assert.ok(await stillWorks.waitForError(/User Authentication Revoked/, 1_000));
  const check = (await verifyAccounts(database.db, runtime)).find((c) => c.slug === org.slug);
  assert.equal(check?.state, "ok", JSON.stringify(check?.differences));
});

test("no NKey seed (SU…, SA…, SO…) is stored in any table", async () => {
  const { ctx } = await activeOrg();
  const created = await create(ctx, { name: "seedless", permissions: OPEN });
  assert.match(created.creds, /SU[A-Z2-7]{56}/, "the creds returned do hold the seed");
  await reissueNatsUserCreds(database.db, runtime, ctx, created.user.id, {}, testContext());
  const tables = await database.db.$queryRaw<{ table_name: string }[]>`
    SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`;
  assert.ok(tables.some((t) => t.table_name === "NatsUser"));
  const seed = /S[UAO][A-Z2-7]{56}/;
  let rows = 0;
  for (const { table_name } of tables) {
    const dumped = await database.db.$queryRawUnsafe<{ row: string }[]>(`SELECT row_to_json(t)::text AS row FROM "${table_name}" t`);
    rows += dumped.length;
    for (const { row } of dumped) assert.doesNotMatch(row, seed, `a seed in ${table_name}`);
  }
  assert.ok(rows > 0);
});
