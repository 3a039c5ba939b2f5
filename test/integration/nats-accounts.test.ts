import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { decode, type Account } from "@nats-io/jwt";
import type { NatsConnection } from "@nats-io/transport-node";
import { provisionOrgAccount } from "@/lib/nats/provision-org-account";
import { reconcileAccounts } from "@/lib/nats/reconcile-accounts";
import { TIER_LIMITS } from "@/lib/nats/tiers";
import { testDatabaseForFile } from "@/test/support/database";
import { runCommand } from "@/test/support/run-command";
import { setTestSecrets } from "@/test/support/identity";
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

const canConnect = (org: { id: string; natsKeyGeneration: number }) => canConnectAsOrgUser(nats.url, nats.keys, org);

async function activeOrg(tier?: "free" | "pro") {
  const { org } = await orgWithAdmin(database.db);
  if (tier) await database.db.org.update({ where: { id: org.id }, data: { tier } });
  assert.deepEqual(await provisionOrgAccount(database.db, runtime, org.id), { ok: true });
  return database.db.org.findUniqueOrThrow({ where: { id: org.id } });
}

test("provisioning pushes the account: the org turns active and the server holds the JWT we built", async () => {
  const org = await activeOrg();
  assert.equal(org.status, "active");
  assert.equal(org.natsAccount, nats.keys.account(org.id).getPublicKey());
  assert.equal(org.natsError, null);
  // CLAIMS.LOOKUP answers with the JWT itself, not JSON.
  const jwt = (await runtime.system.nc.request(`$SYS.REQ.ACCOUNT.${org.natsAccount}.CLAIMS.LOOKUP`, "", { timeout: 2_000 })).string();
  const claims = decode<Account>(jwt);
  assert.equal(claims.iss, nats.keys.operator.getPublicKey());
  assert.equal(claims.nats.limits?.conn, TIER_LIMITS.free.account.conn);
  const push = await database.db.auditEvent.findFirstOrThrow({ where: { action: "jwt.push", orgId: org.id } });
  assert.equal((push.detail as { hash: string }).hash, org.natsClaimsHash);
});

test("isolation: a message published in org A is not seen in org B on the same subject", async () => {
  const [a, b] = [await activeOrg(), await activeOrg()];
  const connections: NatsConnection[] = [];
  try {
    const [pubA, subA, subB] = await Promise.all([
      connectAsOrgUser(nats.url, nats.keys, a),
      connectAsOrgUser(nats.url, nats.keys, a),
      connectAsOrgUser(nats.url, nats.keys, b),
    ]);
    connections.push(pubA, subA, subB);
    const seenA: string[] = [];
    const seenB: string[] = [];
    subA.subscribe("orders.created", {
      callback: (_e, m) => {
        seenA.push(m.string());
      },
    });
    subB.subscribe("orders.created", {
      callback: (_e, m) => {
        seenB.push(m.string());
      },
    });
    await Promise.all([subA.flush(), subB.flush()]);
    pubA.publish("orders.created", "order 1");
    await pubA.flush();
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.deepEqual(seenA, ["order 1"]);
    assert.deepEqual(seenB, []);
  } finally {
    await Promise.all(connections.map((c) => c.close()));
  }
});

test("a tier's connection limit is enforced, and raising the tier lifts it live", async () => {
  const org = await activeOrg("free");
  const limit = TIER_LIMITS.free.account.conn;
  const connections: NatsConnection[] = [];
  try {
    // The first is Cordon's own: provisioning left the pool's connection into the account open.
    for (let i = 1; i < limit; i++) connections.push(await connectAsOrgUser(nats.url, nats.keys, org));
    assert.equal(await canConnect(org), false, `connection ${limit + 1} must be refused on Free`);
    await database.db.org.update({ where: { id: org.id }, data: { tier: "pro" } });
    assert.deepEqual(await provisionOrgAccount(database.db, runtime, org.id), { ok: true });
    assert.equal(await canConnect(org), true, "Pro's higher limit applies without a restart");
  } finally {
    await Promise.all(connections.filter((c) => !c.isClosed()).map((c) => c.close()));
  }
});

test("with NATS down an org stays pending with the reason; once NATS is back the reconciler makes it active", async () => {
  const { org } = await orgWithAdmin(database.db);
  await nats.stop();
  try {
    const result = await provisionOrgAccount(database.db, runtime, org.id);
    assert.equal(result.ok, false);
    const pending = await database.db.org.findUniqueOrThrow({ where: { id: org.id } });
    assert.equal(pending.status, "pending");
    assert.ok(pending.natsError);
  } finally {
    await nats.start();
  }
  const deadline = Date.now() + 10_000;
  while (!runtime.system.isConnected() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  const report = await reconcileAccounts(database.db, runtime, { onlyUnconverged: true });
  assert.ok(report.pushed >= 1, JSON.stringify(report));
  const active = await database.db.org.findUniqueOrThrow({ where: { id: org.id } });
  assert.equal(active.status, "active");
  assert.equal(active.natsError, null);
});

test("a restarted nats-server keeps every pushed account; reconciling again changes nothing", async () => {
  const org = await activeOrg();
  await nats.stop();
  await nats.start();
  const deadline = Date.now() + 10_000;
  while (!runtime.system.isConnected() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  const user = await connectAsOrgUser(nats.url, nats.keys, org);
  await user.flush();
  await user.close();
  const before = await database.db.org.findUniqueOrThrow({ where: { id: org.id } });
  await reconcileAccounts(database.db, runtime);
  const after = await database.db.org.findUniqueOrThrow({ where: { id: org.id } });
  assert.equal(after.natsClaimsHash, before.natsClaimsHash, "same state, same claims");
  assert.equal(await database.db.org.count({ where: { natsAccount: org.natsAccount } }), 1);
});

test("verify-all finds an account changed behind Cordon's back, and rebuild-all repairs it", async () => {
  const org = await activeOrg();
  const { verifyAccounts } = await import("@/lib/nats/verify-accounts");
  const { encodeAccount } = await import("@nats-io/jwt");
  const mine = (checks: Awaited<ReturnType<typeof verifyAccounts>>) => checks.find((check) => check.slug === org.slug)!;
  assert.equal(mine(await verifyAccounts(database.db, runtime)).state, "ok");

  const rogue = await encodeAccount(
    org.slug,
    nats.keys.account(org.id),
    { limits: { ...TIER_LIMITS.free.account, ...TIER_LIMITS.free.jetStream, conn: 9999 } },
    { signer: nats.keys.operator },
  );
  await runtime.system.nc.request("$SYS.REQ.CLAIMS.UPDATE", rogue, { timeout: 2_000 });
  const drift = mine(await verifyAccounts(database.db, runtime));
  assert.equal(drift.state, "drift");
  const cli = await runCommand(process.execPath, ["bin/cordon.mjs", "accounts", "verify-all"], {
    ...process.env,
    DATABASE_URL: database.url,
    NATS_URL: nats.url,
    OPERATOR_SEED: nats.operatorSeed,
  });
  assert.equal(cli.code, 1, cli.stdout + cli.stderr);
  assert.match(cli.stdout, new RegExp(`DRIFT\\s+${org.slug}`));
  assert.ok(
    drift.differences.some((d) => d.startsWith("limits.conn: expected 25, found 9999")),
    drift.differences.join("\n"),
  );

  await reconcileAccounts(database.db, runtime);
  assert.equal(mine(await verifyAccounts(database.db, runtime)).state, "ok");
});
