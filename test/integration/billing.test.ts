import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import Stripe from "stripe";
import { issueApiTokens } from "@/lib/auth/issue-api-tokens";
import { changePlan } from "@/lib/billing/change-plan";
import { closeDuePeriods } from "@/lib/billing/close-due-periods";
import { SeatLimitError } from "@/lib/billing/ensure-seat-available";
import { generateInvoice } from "@/lib/billing/generate-invoice";
import { getSubscription } from "@/lib/billing/get-subscription";
import { sampleUsage } from "@/lib/billing/sample-usage";
import { countApiRequest } from "@/lib/billing/count-api-request";
import { PLANS } from "@/lib/billing/plans";
import { ConflictError, ValidationError } from "@/lib/errors/domain-errors";
import { acceptInvite } from "@/lib/invites/accept-invite";
import { createEmailInvite } from "@/lib/invites/create-email-invite";
import { createLinkInvite } from "@/lib/invites/create-link-invite";
import { provisionOrgAccount } from "@/lib/nats/provision-org-account";
import { withOrgJetStream } from "@/lib/streams/org-jetstream";
import { callApi } from "@/test/support/api";
import { testDatabaseForFile } from "@/test/support/database";
import { createUser, setTestSecrets, STRONG_PASSWORD, testContext } from "@/test/support/identity";
import { openTestRuntime, startTestNats, type TestNats } from "@/test/support/nats";
import { orgWithAdmin } from "@/test/support/orgs";

setTestSecrets();
const database = testDatabaseForFile();
let nats: TestNats;
let runtime: Awaited<ReturnType<typeof openTestRuntime>>;

// API route handlers reach NATS through the runtime boot puts in place.
before(async () => {
  nats = await startTestNats();
  runtime = await openTestRuntime(nats, { asBoot: true });
});

after(async () => {
  await runtime?.close();
  await nats?.dispose();
});

/** An org whose NATS account is on the server (with its 3 system streams). */
async function activeOrg() {
  const created = await orgWithAdmin(database.db);
  assert.deepEqual(await provisionOrgAccount(database.db, runtime, created.org.id), { ok: true });
  const org = await database.db.org.findUniqueOrThrow({ where: { id: created.org.id } });
  return { ...created, org };
}

/** Creates a stream straight through the JetStream API: only the server's own limits apply. */
async function addStream(orgId: string, name: string) {
  const org = await database.db.org.findUniqueOrThrow({ where: { id: orgId } });
  return withOrgJetStream(runtime, org, (jsm) => jsm.streams.add({ name, subjects: [`${name.toLowerCase()}.>`], max_bytes: 1024 * 1024 }));
}

const inviteToken = (link: string) => link.split("/").pop() ?? "";

async function deleteStream(orgId: string, name: string) {
  const org = await database.db.org.findUniqueOrThrow({ where: { id: orgId } });
  return withOrgJetStream(runtime, org, (jsm) => jsm.streams.delete(name));
}

test("Free → Pro through billing pushes the new limits at once and the server enforces them", async () => {
  const { org, adminCtx } = await activeOrg();
  const free = PLANS.free.nats.jetStream.streams;
  for (let i = 3; i < free; i++) await addStream(org.id, `S${i}`);
  await assert.rejects(addStream(org.id, "ONE_TOO_MANY"), ValidationError, `the server refuses stream ${free + 1} on Free`);

  const result = await changePlan(database.db, runtime, await adminCtx(), { plan: "pro" }, testContext());
  assert.deepEqual(result, { plan: "pro", change: { tier: "pro", changed: true, push: { ok: true } }, checkoutUrl: null });
  await addStream(org.id, "ONE_MORE"); // Pro's limit, live, without a restart

  const subscription = await database.db.subscription.findUniqueOrThrow({ where: { orgId: org.id } });
  assert.equal(subscription.plan, "pro");
  const event = await database.db.auditEvent.findFirstOrThrow({ where: { orgId: org.id, action: "tier.change" } });
  assert.deepEqual(event.detail, { before: "free", after: "pro" });
});

test("a downgrade usage would violate is refused with what to reduce, and allowed once reduced", async () => {
  const { org, adminCtx, addMember } = await activeOrg();
  await changePlan(database.db, runtime, await adminCtx(), { plan: "pro" }, testContext());
  const free = PLANS.free;
  for (let i = 3; i <= free.nats.jetStream.streams; i++) await addStream(org.id, `S${i}`); // one stream more than Free allows
  const extra = [];
  for (let i = 1; i <= free.seats.max; i++) extra.push(await addMember("viewer")); // one member more than Free allows

  await assert.rejects(changePlan(database.db, runtime, await adminCtx(), { plan: "free" }, testContext()), (error: unknown) => {
    assert.ok(error instanceof ConflictError);
    assert.match(error.message, /delete 1 stream \(you have 6, Free allows 5\)/);
    assert.match(error.message, /remove 1 member \(you have 6, Free allows 5\)/);
    return true;
  });
  assert.equal((await database.db.org.findUniqueOrThrow({ where: { id: org.id } })).tier, "pro");

  await deleteStream(org.id, "S3");
  await database.db.membership.delete({ where: { id: extra[0].membership.id } });
  const result = await changePlan(database.db, runtime, await adminCtx(), { plan: "free" }, testContext());
  assert.equal(result.change?.changed, true);
  assert.deepEqual(result.change?.push, { ok: true });
  assert.equal((await database.db.subscription.findUniqueOrThrow({ where: { orgId: org.id } })).plan, "free");
});

test("seats: invites beyond the plan's seats are refused with an upgrade prompt, and so is accepting one", async () => {
  const { org, admin, adminCtx, addMember } = await orgWithAdmin(database.db);
  for (let i = 2; i < PLANS.free.seats.max; i++) await addMember("viewer"); // one seat left
  const link = await createLinkInvite(database.db, await adminCtx(), { role: "viewer", maxUses: 5 }, testContext());
  await createEmailInvite(database.db, await adminCtx(), { email: "last-seat@example.com", role: "viewer" }, testContext());
  // The pending email invite holds the last seat.
  await assert.rejects(createEmailInvite(database.db, await adminCtx(), { email: "no-seat@example.com", role: "viewer" }, testContext()), (error: unknown) => {
    assert.ok(error instanceof SeatLimitError);
    assert.match(error.message, /The Free plan has 5 seats .*Upgrade the plan on the Billing page/);
    return true;
  });
  const first = await createUser(database.db);
  await acceptInvite(database.db, inviteToken(link.link), { userId: first.id, email: first.email }, testContext());
  const second = await createUser(database.db);
  await assert.rejects(acceptInvite(database.db, inviteToken(link.link), { userId: second.id, email: second.email }, testContext()), SeatLimitError);
  await assert.rejects(createLinkInvite(database.db, await adminCtx(), { role: "viewer" }, testContext()), SeatLimitError);
  assert.equal(await database.db.membership.count({ where: { orgId: org.id } }), PLANS.free.seats.max);
  assert.ok(admin);
});

test("usage sampling stores hourly records and alerts admins once per period at 80%", async () => {
  const { org, admin } = await activeOrg();
  await addStream(org.id, "S3"); // 4 of Free's 5 streams: 80%
  countApiRequest(org.id);
  countApiRequest(org.id);
  const now = new Date();
  await sampleUsage(database.db, runtime, now);
  await sampleUsage(database.db, runtime, now);
  const records = await database.db.usageRecord.findMany({ where: { orgId: org.id } });
  const value = (metric: string) => records.find((record) => record.metric === metric)?.value;
  assert.equal(value("streams"), 4n);
  assert.equal(value("api_requests"), 2n);
  assert.ok((value("connections") ?? 0n) >= 1n, "Cordon's own pool connection is counted");
  const alerts = await database.db.usageAlert.findMany({ where: { orgId: org.id } });
  assert.deepEqual(
    alerts.map((alert) => [alert.metric, alert.threshold]),
    [["streams", 80]],
  );
  assert.equal(await database.db.auditEvent.count({ where: { orgId: org.id, action: "usage.threshold" } }), 1);
  assert.equal(await database.db.emailMessage.count({ where: { to: admin.email, subject: { contains: "reached 80%" } } }), 1);
});

test("invoices are generated once per org and period, also concurrently, with the metered overage", async () => {
  const { org, adminCtx } = await activeOrg();
  await changePlan(database.db, runtime, await adminCtx(), { plan: "pro" }, testContext());
  const period = { start: new Date("2026-10-01T00:00:00Z"), end: new Date("2026-11-01T00:00:00Z") };
  await database.db.usageRecord.create({ data: { orgId: org.id, metric: "api_requests", bucketStart: new Date("2026-10-15T10:00:00Z"), value: 1_150_000n } });
  const [a, b] = await Promise.all([generateInvoice(database.db, org.id, period), generateInvoice(database.db, org.id, period)]);
  assert.equal(a.id, b.id);
  assert.equal(a.totalCents, 49_00 + 2 * 1_00);
  assert.equal(await database.db.invoice.count({ where: { orgId: org.id } }), 1);
  assert.equal(await database.db.auditEvent.count({ where: { orgId: org.id, action: "invoice.create" } }), 1);
});

test("closing an ended period issues its invoice once and moves the subscription to the current month", async () => {
  const { org } = await activeOrg();
  const now = new Date("2026-12-03T10:00:00Z");
  await getSubscription(database.db, org.id, new Date("2026-11-15T00:00:00Z"));
  await closeDuePeriods(database.db, now);
  await closeDuePeriods(database.db, now);
  const invoices = await database.db.invoice.findMany({ where: { orgId: org.id } });
  assert.deepEqual(
    invoices.map((invoice) => [invoice.periodStart.toISOString(), invoice.status, invoice.totalCents]),
    [["2026-11-01T00:00:00.000Z", "paid", 0]],
  );
  const subscription = await database.db.subscription.findUniqueOrThrow({ where: { orgId: org.id } });
  assert.deepEqual([subscription.currentPeriodStart, subscription.currentPeriodEnd], [new Date("2026-12-01T00:00:00Z"), new Date("2027-01-01T00:00:00Z")]);
});

// ---- API and the Stripe webhook ----

const WEBHOOK_SECRET = "whsec_test_cordon";
const stripe = new Stripe("sk_test_cordon");
let sequence = 0;

function subscriptionEvent(orgId: string, plan: string, created: number, type = "customer.subscription.updated", status = "active") {
  return {
    id: `evt_${++sequence}_${Math.random().toString(36).slice(2)}`,
    object: "event",
    type,
    created,
    livemode: false,
    api_version: "2025-01-01",
    pending_webhooks: 0,
    request: null,
    data: {
      object: {
        id: `sub_${orgId.slice(-8)}`,
        object: "subscription",
        customer: "cus_cordon",
        status,
        cancel_at_period_end: false,
        metadata: { orgId, plan },
        items: {
          object: "list",
          data: [{ id: "si_1", object: "subscription_item", current_period_start: created, current_period_end: created + 30 * 86_400 }],
        },
      },
    },
  };
}

function deliver(event: object, secret = WEBHOOK_SECRET) {
  const payload = JSON.stringify(event);
  const signature = stripe.webhooks.generateTestHeaderString({ payload, secret });
  return callApi("POST", "/billing/webhooks/stripe", {}, { rawBody: payload, headers: { "stripe-signature": signature, "content-type": "application/json" } });
}

test("Stripe webhook: a bad signature is a 400, the same event twice is handled once, out-of-order events converge", async () => {
  Object.assign(process.env, { STRIPE_SECRET_KEY: "sk_test_cordon", STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET });
  try {
    const { org } = await activeOrg();
    const t = Math.floor(Date.now() / 1000);
    const toPro = subscriptionEvent(org.id, "pro", t);

    const forged = await deliver(toPro, "whsec_wrong");
    assert.equal(forged.status, 400, await forged.clone().text());
    assert.equal((await database.db.org.findUniqueOrThrow({ where: { id: org.id } })).tier, "free");

    const first = await deliver(toPro);
    assert.equal(first.status, 200, await first.clone().text());
    assert.deepEqual(await first.json(), { received: true });
    const again = await deliver(toPro);
    assert.deepEqual(await again.json(), { received: true, duplicate: true });
    assert.equal(await database.db.auditEvent.count({ where: { orgId: org.id, action: "subscription.change" } }), 1);
    let row = await database.db.org.findUniqueOrThrow({ where: { id: org.id } });
    assert.equal(row.tier, "pro");
    assert.equal(row.natsError, null, "the Pro limits were pushed");

    // Stripe sends the newer state (Enterprise, past due) before the older one (back to Free).
    const newer = subscriptionEvent(org.id, "enterprise", t + 20, "customer.subscription.updated", "past_due");
    const older = subscriptionEvent(org.id, "free", t + 10, "customer.subscription.deleted");
    assert.equal((await deliver(newer)).status, 200);
    assert.deepEqual(await (await deliver(older)).json(), { received: true, ignored: "stale" });
    row = await database.db.org.findUniqueOrThrow({ where: { id: org.id } });
    const subscription = await database.db.subscription.findUniqueOrThrow({ where: { orgId: org.id } });
    assert.deepEqual([row.tier, subscription.plan, subscription.status, subscription.provider], ["enterprise", "enterprise", "past_due", "stripe"]);
  } finally {
    delete process.env.STRIPE_SECRET_KEY;
    delete process.env.STRIPE_WEBHOOK_SECRET;
  }
});

test("API: GET /billing, POST /billing/plan (409 naming what to reduce), invoices list and pay", async () => {
  const user = await createUser(database.db);
  const tokens = await issueApiTokens(database.db, { email: user.email, password: STRONG_PASSWORD }, testContext());
  if (!tokens.ok) throw new Error(tokens.reason);
  const headers = { authorization: `Bearer ${tokens.tokens.access_token}` };
  const created = await callApi("POST", "/orgs", {}, { headers, body: { name: `Billing Api ${Math.random().toString(36).slice(2, 8)}` } });
  assert.equal(created.status, 201, await created.clone().text());
  const { slug, id } = await created.json();

  const overview = await callApi("GET", "/orgs/{slug}/billing", { slug }, { headers });
  assert.equal(overview.status, 200, await overview.clone().text());
  const body = await overview.json();
  assert.equal(body.subscription.plan, "free");
  assert.equal(body.meters.find((meter: { key: string }) => meter.key === "streams").used, 3);

  const upgrade = await callApi("POST", "/orgs/{slug}/billing/plan", { slug }, { headers, body: { plan: "pro" } });
  assert.equal(upgrade.status, 200, await upgrade.clone().text());
  assert.equal((await upgrade.json()).change.push.ok, true);
  assert.equal((await callApi("POST", "/orgs/{slug}/billing/plan", { slug }, { headers, body: { plan: "gold" } })).status, 400);

  for (let i = 3; i <= PLANS.free.nats.jetStream.streams; i++) await addStream(id, `S${i}`);
  const downgrade = await callApi("POST", "/orgs/{slug}/billing/plan", { slug }, { headers, body: { plan: "free" } });
  assert.equal(downgrade.status, 409);
  assert.match((await downgrade.json()).detail, /delete 1 stream/);

  const invoice = await generateInvoice(database.db, id, { start: new Date("2026-09-01T00:00:00Z"), end: new Date("2026-10-01T00:00:00Z") });
  const list = await callApi("GET", "/orgs/{slug}/billing/invoices", { slug }, { headers });
  assert.deepEqual(
    (await list.json()).invoices.map((entry: { number: string; status: string }) => [entry.number, entry.status]),
    [[invoice.number, "open"]],
  );
  const paid = await callApi("POST", "/orgs/{slug}/billing/invoices/{number}/pay", { slug, number: invoice.number }, { headers });
  assert.equal(paid.status, 200, await paid.clone().text());
  assert.equal((await paid.json()).status, "paid");
  assert.equal((await callApi("POST", "/orgs/{slug}/billing/invoices/{number}/pay", { slug, number: invoice.number }, { headers })).status, 200);
  assert.equal(await database.db.auditEvent.count({ where: { orgId: id, action: "invoice.pay" } }), 1);
  assert.equal((await callApi("GET", "/orgs/{slug}/billing/invoices/{number}", { slug, number: "INV-NOPE" }, { headers })).status, 404);
});
