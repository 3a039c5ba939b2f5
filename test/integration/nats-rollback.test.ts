import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { decode, type Account } from "@nats-io/jwt";
import type { NatsConnection } from "@nats-io/transport-node";
import type { Tier } from "@/generated/prisma/client";
import { provisionOrgAccount } from "@/lib/nats/provision-org-account";
import { pushSignedAccount } from "@/lib/nats/push-account";
import { pushAccountsWithRollback, type PushSigned } from "@/lib/nats/push-accounts-with-rollback";
import { reconcileAccounts } from "@/lib/nats/reconcile-accounts";
import { getAccountUsage } from "@/lib/nats/get-account-usage";
import { TIER_LIMITS } from "@/lib/nats/tiers";
import { deleteOrg } from "@/lib/orgs/delete-org";
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

async function freeOrg() {
  const { org } = await orgWithAdmin(database.db);
  assert.deepEqual(await provisionOrgAccount(database.db, runtime, org.id), { ok: true });
  return database.db.org.findUniqueOrThrow({ where: { id: org.id } });
}

/** The limits the server holds for an account: CLAIMS.LOOKUP replies with the raw JWT. */
async function serverLimits(account: string) {
  const jwt = (await runtime.system.nc.request(`$SYS.REQ.ACCOUNT.${account}.CLAIMS.LOOKUP`, "", { timeout: 2_000 })).string();
  return decode<Account>(jwt).nats.limits!;
}

const toTier = (tier: Tier) => (org: Awaited<ReturnType<typeof freeOrg>>) => ({ before: org, after: { ...org, tier } });

test("a multi-account push whose 2nd push fails restores the 1st: both accounts keep Free limits, enforced live", async () => {
  const [a, b] = [await freeOrg(), await freeOrg()];
  let calls = 0;
  const failSecond: PushSigned = (system, signed) => (++calls === 2 ? Promise.reject(new Error("injected failure")) : pushSignedAccount(system, signed));

  const report = await pushAccountsWithRollback(database.db, runtime, [a, b].map(toTier("pro")), { push: failSecond });

  assert.equal(report.ok, false);
  assert.ok(!report.ok);
  assert.equal(report.failed.slug, b.slug);
  assert.equal(report.failed.error, "injected failure");
  assert.deepEqual(
    report.rolledBack.map((r) => [r.slug, r.ok]),
    [
      [b.slug, true],
      [a.slug, true],
    ],
  );
  assert.equal(report.rollbackOk, true);
  for (const org of [a, b]) assert.equal((await serverLimits(org.natsAccount!)).conn, TIER_LIMITS.free.account.conn, org.slug);

  const connections: NatsConnection[] = [];
  try {
    const usage = await getAccountUsage(runtime, a.natsAccount);
    assert.ok(usage.available);
    // Cordon's own pool connection into the account counts against the limit too.
    for (let i = usage.connections; i < TIER_LIMITS.free.account.conn; i++) connections.push(await connectAsOrgUser(nats.url, nats.keys, a));
    const extra = await connectAsOrgUser(nats.url, nats.keys, a).catch(() => null);
    await new Promise((resolve) => setTimeout(resolve, 200)); // an over-limit client is cut right after connecting
    assert.ok(!extra || extra.isClosed(), "the 26th connection is refused: Free's limit still holds");
  } finally {
    await Promise.all(connections.map((c) => c.close().catch(() => undefined)));
  }

  const rollbacks = await database.db.auditEvent.findMany({ where: { action: "jwt.rollback", orgId: { in: [a.id, b.id] } } });
  assert.equal(rollbacks.length, 2);
  assert.ok(rollbacks.every((event) => event.outcome === "success"));
  const failedPush = await database.db.auditEvent.findFirstOrThrow({ where: { action: "jwt.push", orgId: b.id, outcome: "failure" } });
  assert.equal((failedPush.detail as { error: string }).error, "injected failure");
  for (const org of [a, b]) {
    const row = await database.db.org.findUniqueOrThrow({ where: { id: org.id } });
    assert.equal(row.natsClaimsHash, org.natsClaimsHash, "the recorded claims are the restored ones");
    assert.equal(row.natsError, null);
  }
});

test("without a fault, both accounts change", async () => {
  const [a, b] = [await freeOrg(), await freeOrg()];
  const report = await pushAccountsWithRollback(database.db, runtime, [a, b].map(toTier("pro")));
  assert.deepEqual(report, {
    ok: true,
    pushed: [a, b].map((org) => ({ orgId: org.id, slug: org.slug, account: org.natsAccount })),
  });
  for (const org of [a, b]) assert.equal((await serverLimits(org.natsAccount!)).conn, TIER_LIMITS.pro.account.conn, org.slug);
  assert.equal(await database.db.auditEvent.count({ where: { action: "jwt.push", orgId: { in: [a.id, b.id] }, outcome: "success" } }), 4);
});

test("a change that cannot be built pushes nothing", async () => {
  const [a, b] = [await freeOrg(), await freeOrg()];
  const changes = [toTier("pro")(a), toTier("gold" as Tier)(b)];
  await assert.rejects(pushAccountsWithRollback(database.db, runtime, changes), /nothing was pushed: the account of .* could not be built/);
  assert.equal((await serverLimits(a.natsAccount!)).conn, TIER_LIMITS.free.account.conn);
});

test("when the rollback fails too, the report says so and the account keeps the error for the reconciler", async () => {
  const [a, b] = [await freeOrg(), await freeOrg()];
  let calls = 0;
  // Call 2 is b's push, call 3 b's rollback, call 4 a's rollback.
  const failing: PushSigned = (system, signed) =>
    ++calls === 2 || calls === 4 ? Promise.reject(new Error(`injected failure ${calls}`)) : pushSignedAccount(system, signed);
  const report = await pushAccountsWithRollback(database.db, runtime, [a, b].map(toTier("pro")), { push: failing });
  assert.ok(!report.ok);
  assert.equal(report.rollbackOk, false);
  assert.deepEqual(
    report.rolledBack.map((r) => [r.slug, r.ok, r.error]),
    [
      [b.slug, true, undefined],
      [a.slug, false, "injected failure 4"],
    ],
  );
  assert.equal((await serverLimits(a.natsAccount!)).conn, TIER_LIMITS.pro.account.conn, "a is left on the new limits");
  assert.match((await database.db.org.findUniqueOrThrow({ where: { id: a.id } })).natsError ?? "", /restoring this account failed too: injected failure 4/);
  const reconciled = await reconcileAccounts(database.db, runtime, { onlyUnconverged: true });
  assert.ok(reconciled.pushed >= 1, JSON.stringify(reconciled));
  assert.equal((await serverLimits(a.natsAccount!)).conn, TIER_LIMITS.free.account.conn, "the reconciler converges it to the database");
});

test("a deleted org's account is not pushed", async () => {
  const { org, adminCtx } = await orgWithAdmin(database.db);
  assert.deepEqual(await provisionOrgAccount(database.db, runtime, org.id), { ok: true });
  const live = await database.db.org.findUniqueOrThrow({ where: { id: org.id } });
  await deleteOrg(database.db, await adminCtx(), org.slug, testContext());
  await assert.rejects(pushAccountsWithRollback(database.db, runtime, [toTier("pro")(live)]), /nothing was pushed: .* is deleted/);
  assert.equal((await serverLimits(live.natsAccount!)).conn, TIER_LIMITS.free.account.conn);
});
