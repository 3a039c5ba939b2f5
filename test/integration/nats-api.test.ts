import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { issueApiTokens } from "@/lib/auth/issue-api-tokens";
import { loadOrgContext } from "@/lib/orgs/org-context";
import { callApi } from "@/test/support/api";
import { testDatabaseForFile } from "@/test/support/database";
import { createUser, setTestSecrets, STRONG_PASSWORD, testContext } from "@/test/support/identity";
import { openTestRuntime, startTestNats, type TestNats } from "@/test/support/nats";

setTestSecrets();
const database = testDatabaseForFile();
let nats: TestNats;
let runtime: Awaited<ReturnType<typeof openTestRuntime>>;

// The API's route handlers reach NATS through the runtime boot puts in place.
before(async () => {
  nats = await startTestNats();
  runtime = await openTestRuntime(nats, { asBoot: true });
});

after(async () => {
  await runtime?.close();
  await nats?.dispose();
});

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** A user who creates an org through the API, as a client would. */
async function orgThroughApi() {
  const user = await createUser(database.db);
  const tokens = await issueApiTokens(database.db, { email: user.email, password: STRONG_PASSWORD }, testContext());
  if (!tokens.ok) throw new Error(tokens.reason);
  const headers = bearer(tokens.tokens.access_token);
  const created = await callApi("POST", "/orgs", {}, { headers, body: { name: `Api Org ${Math.random().toString(36).slice(2, 8)}` } });
  assert.equal(created.status, 201, await created.clone().text());
  const org = await created.json();
  return { user, headers, org };
}

test("creating an org through the API pushes its account and makes its streams before it is active", async () => {
  const { org, headers } = await orgThroughApi();
  assert.equal(org.status, "active");
  assert.equal(org.natsAccount, nats.keys.account(org.id).getPublicKey());
  const streams = await callApi("GET", "/orgs/{slug}/nats/streams", { slug: org.slug }, { headers });
  assert.equal(streams.status, 200);
  const names = (await streams.json()).streams.map((stream: { name: string }) => stream.name).sort();
  assert.deepEqual(names, ["DLQ", "EVENTS", "WEBHOOK_RETRY"]);
});

test("streams CRUD over the API: create, read, update, purge, delete; system streams stay; plan limits are clear 400s", async () => {
  const { org, headers } = await orgThroughApi();
  const params = { slug: org.slug, name: "ORDERS" };
  const created = await callApi(
    "POST",
    "/orgs/{slug}/nats/streams",
    { slug: org.slug },
    { headers, body: { name: "ORDERS", subjects: ["orders.>"], maxBytes: 1024 * 1024 } },
  );
  assert.equal(created.status, 201, await created.clone().text());
  assert.equal((await callApi("GET", "/orgs/{slug}/nats/streams/{name}", params, { headers })).status, 200);
  const updated = await callApi("PATCH", "/orgs/{slug}/nats/streams/{name}", params, { headers, body: { subjects: ["orders.>", "refunds.>"] } });
  assert.equal(updated.status, 200);
  assert.deepEqual((await updated.json()).subjects, ["orders.>", "refunds.>"]);
  assert.equal((await callApi("POST", "/orgs/{slug}/nats/streams/{name}/purge", params, { headers })).status, 200);
  const overlap = await callApi("POST", "/orgs/{slug}/nats/streams", { slug: org.slug }, { headers, body: { name: "SNOOP", subjects: ["events.>"] } });
  assert.equal(overlap.status, 400);
  assert.equal((await callApi("DELETE", "/orgs/{slug}/nats/streams/{name}", { slug: org.slug, name: "EVENTS" }, { headers })).status, 400);
  assert.equal((await callApi("DELETE", "/orgs/{slug}/nats/streams/{name}", params, { headers })).status, 204);
  assert.equal((await callApi("GET", "/orgs/{slug}/nats/streams/{name}", params, { headers })).status, 404);
  const events = await database.db.auditEvent.findMany({ where: { orgId: org.id, action: { startsWith: "stream." } }, orderBy: { createdAt: "asc" } });
  assert.deepEqual(
    events.map((event) => event.action),
    ["stream.create", "stream.update", "stream.purge", "stream.delete"],
  );
});

test("a read-only API key lists streams but cannot create one", async () => {
  const { org, user } = await orgThroughApi();
  const ctx = await loadOrgContext(database.db, org.slug, user.id);
  const { key } = await createApiKey(database.db, ctx, { name: "reader", scopes: ["nats_streams:read"] }, testContext());
  assert.equal((await callApi("GET", "/orgs/{slug}/nats/streams", { slug: org.slug }, { headers: bearer(key) })).status, 200);
  const denied = await callApi("POST", "/orgs/{slug}/nats/streams", { slug: org.slug }, { headers: bearer(key), body: { name: "X", subjects: ["x.>"] } });
  assert.equal(denied.status, 403);
});

test("the account over the API: status, limits and live usage; a plan change pushes the new limits at once", async () => {
  const { org, headers } = await orgThroughApi();
  const account = await callApi("GET", "/orgs/{slug}/nats", { slug: org.slug }, { headers });
  assert.equal(account.status, 200);
  const view = await account.json();
  assert.equal(view.status, "active");
  assert.equal(view.limits.account.conn, 25);
  assert.equal(view.usage.available, true);
  const changed = await callApi("PATCH", "/orgs/{slug}/nats", { slug: org.slug }, { headers, body: { tier: "pro" } });
  assert.equal(changed.status, 200, await changed.clone().text());
  assert.deepEqual(await changed.json(), { tier: "pro", changed: true, push: { ok: true } });
  const after = await (await callApi("GET", "/orgs/{slug}/nats", { slug: org.slug }, { headers })).json();
  assert.equal(after.limits.account.conn, 250);
  assert.equal((await callApi("PATCH", "/orgs/{slug}/nats", { slug: org.slug }, { headers, body: { tier: "platinum" } })).status, 400);
});
