import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { NatsConnection } from "@nats-io/transport-node";
import { ForbiddenError, ValidationError } from "@/lib/errors/domain-errors";
import { changeTier } from "@/lib/nats/change-tier";
import { provisionOrgAccount } from "@/lib/nats/provision-org-account";
import { getAccountUsage } from "@/lib/nats/get-account-usage";
import { TIER_LIMITS } from "@/lib/nats/tiers";
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

const canConnect = (org: { id: string; natsKeyGeneration: number }) => canConnectAsOrgUser(nats.url, nats.keys, org);

async function connectionCount(account: string | null): Promise<number> {
  const usage = await getAccountUsage(runtime, account);
  assert.ok(usage.available);
  return usage.connections;
}

test("a plan change is enforced live: Free refuses the 26th connection, after changing to Pro it connects", async () => {
  const { org: created, adminCtx } = await orgWithAdmin(database.db);
  assert.deepEqual(await provisionOrgAccount(database.db, runtime, created.id), { ok: true });
  const org = await database.db.org.findUniqueOrThrow({ where: { id: created.id } });
  const limit = TIER_LIMITS.free.account.conn;
  const connections: NatsConnection[] = [];
  try {
    // Cordon's own pool connection into the account counts against the limit too.
    for (let i = await connectionCount(org.natsAccount); i < limit; i++) connections.push(await connectAsOrgUser(nats.url, nats.keys, org));
    assert.equal(await canConnect(org), false, `connection ${limit + 1} must be refused on Free`);

    const result = await changeTier(database.db, runtime, await adminCtx(), { tier: "pro" }, testContext());
    assert.deepEqual(result, { tier: "pro", changed: true, push: { ok: true } });
    assert.equal(await canConnect(org), true, "Pro's limit applies without restarting the server");
  } finally {
    await Promise.all(connections.map((c) => c.close().catch(() => undefined)));
  }
  const event = await database.db.auditEvent.findFirstOrThrow({ where: { action: "tier.change", orgId: org.id } });
  assert.deepEqual(event.detail, { before: "free", after: "pro" });
  assert.equal(event.actorType, "user");
  const row = await database.db.org.findUniqueOrThrow({ where: { id: org.id } });
  assert.equal(row.tier, "pro");
  assert.equal(row.natsError, null);
});

test("choosing the current plan changes nothing and records nothing", async () => {
  const { org, adminCtx } = await orgWithAdmin(database.db);
  assert.deepEqual(await changeTier(database.db, runtime, await adminCtx(), { tier: "free" }, testContext()), {
    tier: "free",
    changed: false,
    push: { ok: true },
  });
  assert.equal(await database.db.auditEvent.count({ where: { action: "tier.change", orgId: org.id } }), 0);
});

test("only nats_account:write may change the plan, and only to a known plan", async () => {
  const { org, adminCtx, addMember } = await orgWithAdmin(database.db);
  const member = await addMember("member");
  await assert.rejects(changeTier(database.db, runtime, await member.ctx(), { tier: "enterprise" }, testContext()), ForbiddenError);
  await assert.rejects(changeTier(database.db, runtime, await adminCtx(), { tier: "platinum" }, testContext()), (error: unknown) => {
    assert.ok(error instanceof ValidationError);
    assert.equal(error.field, "tier");
    return true;
  });
  assert.equal((await database.db.org.findUniqueOrThrow({ where: { id: org.id } })).tier, "free");
});

test("without a NATS connection the plan still changes; the org keeps the reason for the reconciler", async () => {
  const { org, adminCtx } = await orgWithAdmin(database.db);
  const result = await changeTier(database.db, null, await adminCtx(), { tier: "enterprise" }, testContext());
  assert.deepEqual(result, { tier: "enterprise", changed: true, push: { ok: false, error: "NATS is not connected" } });
  const row = await database.db.org.findUniqueOrThrow({ where: { id: org.id } });
  assert.equal(row.tier, "enterprise");
  assert.match(row.natsError ?? "", /NATS is not connected/);
});
