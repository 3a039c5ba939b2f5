import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { decode, parseCreds, type User } from "@nats-io/jwt";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { issueApiTokens } from "@/lib/auth/issue-api-tokens";
import { loadOrgContext } from "@/lib/orgs/org-context";
import { callApi } from "@/test/support/api";
import { connectWithCreds } from "@/test/support/creds-client";
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
const PERMISSIONS = { pub: { allow: ["orders.>"], deny: [] }, sub: { allow: ["_INBOX.>"], deny: [] }, resp: null };

/** A user who creates an org through the API (its account pushed, so it is active). */
async function orgThroughApi() {
  const user = await createUser(database.db);
  const tokens = await issueApiTokens(database.db, { email: user.email, password: STRONG_PASSWORD }, testContext());
  if (!tokens.ok) throw new Error(tokens.reason);
  const headers = bearer(tokens.tokens.access_token);
  const created = await callApi("POST", "/orgs", {}, { headers, body: { name: `Users Org ${Math.random().toString(36).slice(2, 8)}` } });
  assert.equal(created.status, 201, await created.clone().text());
  const org = await created.json();
  return { user, headers, org, ctx: () => loadOrgContext(database.db, org.slug, user.id) };
}

async function connects(creds: string): Promise<boolean> {
  try {
    const client = await connectWithCreds(nats.url, creds);
    await client.nc.close();
    return true;
  } catch {
    return false;
  }
}

test("NATS users over the API: create (creds once), list, get, update, revoke, delete, with clear 400/404/409s", async () => {
  const { headers, org } = await orgThroughApi();
  const slug = { slug: org.slug };
  const created = await callApi("POST", "/orgs/{slug}/nats/users", slug, { headers, body: { name: "orders-api", kind: "service", permissions: PERMISSIONS } });
  assert.equal(created.status, 201, await created.clone().text());
  const { user, creds } = await created.json();
  assert.ok(await connects(creds));
  const params = { ...slug, id: user.id };

  const listed = await (await callApi("GET", "/orgs/{slug}/nats/users", slug, { headers })).json();
  assert.deepEqual(
    listed.users.map((u: { name: string }) => u.name),
    ["orders-api"],
  );
  assert.equal(listed.users[0].creds, undefined);
  const fetched = await (await callApi("GET", "/orgs/{slug}/nats/users/{id}", params, { headers })).json();
  assert.deepEqual(fetched.permissions, PERMISSIONS);
  assert.equal(fetched.publicKey, user.publicKey);

  const described = await callApi("PATCH", "/orgs/{slug}/nats/users/{id}", params, { headers, body: { description: "orders" } });
  assert.equal(described.status, 200);
  assert.equal((await described.json()).creds, undefined);
  const widened = await (
    await callApi("PATCH", "/orgs/{slug}/nats/users/{id}", params, {
      headers,
      body: { permissions: { ...PERMISSIONS, pub: { allow: ["orders.>", "refunds.>"], deny: [] } } },
    })
  ).json();
  assert.ok(widened.creds, "new permissions come with new credentials");
  assert.deepEqual(widened.push, { ok: true });
  assert.equal(await connects(creds), false, "the old credentials are revoked");
  assert.ok(await connects(widened.creds));

  const invalid = await callApi("POST", "/orgs/{slug}/nats/users", slug, {
    headers,
    body: { name: "bad", permissions: { ...PERMISSIONS, sub: { allow: ["orders.>.x"], deny: [] } } },
  });
  assert.equal(invalid.status, 400);
  assert.match((await invalid.json()).detail, /">" is only allowed as the last token/);
  assert.equal((await callApi("POST", "/orgs/{slug}/nats/users", slug, { headers, body: { name: "orders-api", permissions: PERMISSIONS } })).status, 409);
  assert.equal((await callApi("GET", "/orgs/{slug}/nats/users/{id}", { ...slug, id: "nope" }, { headers })).status, 404);

  const revoked = await callApi("POST", "/orgs/{slug}/nats/users/{id}/revoke", params, { headers });
  assert.equal(revoked.status, 200);
  assert.equal((await revoked.json()).user.status, "revoked");
  assert.equal(await connects(widened.creds), false);
  assert.equal((await callApi("POST", "/orgs/{slug}/nats/users/{id}/creds", params, { headers, body: {} })).status, 409);
  assert.equal((await callApi("DELETE", "/orgs/{slug}/nats/users/{id}", params, { headers })).status, 204);
  assert.equal((await callApi("GET", "/orgs/{slug}/nats/users/{id}", params, { headers })).status, 404);
});

test("short-lived creds renewed by automation with an API key: POST …/creds with ttlSeconds, audited as credential.provision", async () => {
  const { headers, org, ctx } = await orgThroughApi();
  const slug = { slug: org.slug };
  const { user } = await (await callApi("POST", "/orgs/{slug}/nats/users", slug, { headers, body: { name: "batch-job", permissions: PERMISSIONS } })).json();
  const { key } = await createApiKey(database.db, await ctx(), { name: "renewer", scopes: ["nats_users:write"], expiresInDays: "30" }, testContext());
  const { key: readOnly } = await createApiKey(database.db, await ctx(), { name: "reader", scopes: ["nats_users:read"], expiresInDays: "30" }, testContext());
  const params = { ...slug, id: user.id };

  const renewals: string[] = [];
  for (let i = 0; i < 2; i++) {
    const renewed = await callApi("POST", "/orgs/{slug}/nats/users/{id}/creds", params, { headers: bearer(key), body: { ttlSeconds: 600 } });
    assert.equal(renewed.status, 200, await renewed.clone().text());
    const body = await renewed.json();
    const jwt = decode<User>((await parseCreds(new TextEncoder().encode(body.creds))).jwt);
    assert.ok(jwt.exp && Math.abs(jwt.exp - (Date.now() / 1000 + 600)) < 5, "expires in ten minutes");
    assert.ok(Math.abs(Date.parse(body.user.expiresAt) - jwt.exp * 1000) < 1000, "the user's expiry is the JWT's");
    renewals.push(body.creds);
  }
  assert.equal(await connects(renewals[0]), false, "each renewal revokes the previous key");
  assert.ok(await connects(renewals[1]));

  const forbidden = await callApi("POST", "/orgs/{slug}/nats/users/{id}/creds", params, { headers: bearer(readOnly), body: {} });
  assert.equal(forbidden.status, 403);
  assert.equal((await callApi("POST", "/orgs/{slug}/nats/users/{id}/creds", params, { headers: bearer(key), body: { ttlSeconds: 5 } })).status, 400);

  const events = await database.db.auditEvent.findMany({ where: { orgId: org.id, action: "credential.provision" }, orderBy: { seq: "asc" } });
  assert.equal(events.length, 2);
  assert.equal(events[0].actorType, "api_key");
  assert.equal(events[0].targetId, user.id);
});

test("devices over the API: create (license key and creds once), list, revoke; sync authenticates by X-License-Key only", async () => {
  const { headers, org } = await orgThroughApi();
  const slug = { slug: org.slug };
  const created = await callApi("POST", "/orgs/{slug}/nats/devices", slug, { headers, body: { name: "kiosk-7" } });
  assert.equal(created.status, 201, await created.clone().text());
  const { device, licenseKey, creds } = await created.json();
  assert.ok(await connects(creds));
  const listed = await (await callApi("GET", "/orgs/{slug}/nats/devices", slug, { headers })).json();
  assert.deepEqual(
    listed.devices.map((d: { name: string; licenseKey?: string }) => [d.name, d.licenseKey]),
    [["kiosk-7", undefined]],
  );
  assert.equal((await callApi("GET", "/devices/sync", {}, { headers })).status, 401, "a bearer token is not a license key");
  assert.equal((await callApi("GET", "/devices/sync", {}, { headers: { "x-license-key": licenseKey } })).status, 200);
  const revoked = await callApi("POST", "/orgs/{slug}/nats/devices/{id}/revoke", { ...slug, id: device.id }, { headers });
  assert.equal(revoked.status, 200);
  assert.equal((await callApi("GET", "/devices/sync", {}, { headers: { "x-license-key": licenseKey } })).status, 401);
  assert.equal(await connects(creds), false);
});

test("the OpenAPI document lists the NATS user and device endpoints", async () => {
  const document = await (await callApi("GET", "/openapi.json", {}, {})).json();
  for (const path of [
    "/orgs/{slug}/nats/users",
    "/orgs/{slug}/nats/users/{id}",
    "/orgs/{slug}/nats/users/{id}/creds",
    "/orgs/{slug}/nats/users/{id}/revoke",
    "/orgs/{slug}/nats/devices",
    "/orgs/{slug}/nats/devices/{id}/revoke",
    "/devices/sync",
  ])
    assert.ok(document.paths[path], path);
  assert.deepEqual(document.paths["/devices/sync"].get.security, []);
});
