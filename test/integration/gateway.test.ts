import assert from "node:assert/strict";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { hkdfSync } from "node:crypto";
import { test } from "node:test";
import fc from "fast-check";
import { SignJWT } from "jose";
import { API_ENDPOINTS } from "@/lib/api/catalogue";
import { drainApiRequestCounts } from "@/lib/billing/count-api-request";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import { signAccessToken } from "@/lib/auth/access-token";
import { issueApiTokens } from "@/lib/auth/issue-api-tokens";
import { revokeSession } from "@/lib/auth/revoke-sessions";
import { apiRoutePaths, callApi, routeFileFor } from "@/test/support/api";
import { testDatabaseForFile } from "@/test/support/database";
import { createUser, setTestSecrets, STRONG_PASSWORD, testContext } from "@/test/support/identity";
import { orgWithAdmin } from "@/test/support/orgs";
import { runCommand } from "@/test/support/run-command";
import { verifyGatewaySignature } from "@/lib/services/verify-gateway-signature";

setTestSecrets();
const database = testDatabaseForFile();

async function tokensFor(email: string) {
  const result = await issueApiTokens(database.db, { email, password: STRONG_PASSWORD }, testContext());
  if (!result.ok) throw new Error(`sign-in failed: ${result.reason}`);
  return result.tokens;
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function problemOf(response: Response) {
  assert.match(response.headers.get("content-type") ?? "", /application\/problem\+json/);
  const body = await response.json();
  assert.equal(body.status, response.status);
  assert.equal(body.request_id, response.headers.get("x-request-id"));
  for (const field of ["type", "title", "detail"]) assert.equal(typeof body[field], "string", field);
  return body;
}

test("the request id is echoed when well-formed, replaced when not, and present on errors", async () => {
  const { org, admin } = await orgWithAdmin(database.db);
  const { access_token } = await tokensFor(admin.email);
  const ok = await callApi("GET", "/orgs/{slug}", { slug: org.slug }, { headers: { ...bearer(access_token), "x-request-id": "client-req.42" } });
  assert.equal(ok.status, 200);
  assert.equal(ok.headers.get("x-request-id"), "client-req.42");
  const replaced = await callApi("GET", "/orgs/{slug}", { slug: org.slug }, { headers: { ...bearer(access_token), "x-request-id": "bad id with spaces" } });
  assert.notEqual(replaced.headers.get("x-request-id"), "bad id with spaces");
  const tooLong = await callApi("GET", "/orgs/{slug}", { slug: org.slug }, { headers: { "x-request-id": "a".repeat(129) } });
  assert.equal(tooLong.status, 401);
  assert.notEqual((await problemOf(tooLong)).request_id, "a".repeat(129));
});

test("forged, expired and foreign access tokens get 401; a revoked session's token too", async () => {
  const { org, admin } = await orgWithAdmin(database.db);
  const tokens = await tokensFor(admin.email);
  const key = new Uint8Array(hkdfSync("sha256", process.env.AUTH_SECRET!, "cordon", "access-token", 32));
  const claims = { email: admin.email, session_id: tokens.session_id, org_id: null, org_slug: null, roles: [], permissions: [], plan: null };
  const sign = (jwt: SignJWT, secret = key) => jwt.setSubject(admin.id).setIssuedAt().setExpirationTime("10m").sign(secret);
  const [header, payload] = tokens.access_token.split(".");
  const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const decodedPayload = JSON.parse(Buffer.from(payload, "base64url").toString());
  const forged: Record<string, string> = {
    "alg none": `${b64({ alg: "none", typ: "JWT" })}.${payload}.`,
    "RS256 header over an HS256 signature": `${b64({ alg: "RS256", typ: "JWT" })}.${payload}.${tokens.access_token.split(".")[2]}`,
    "tampered payload": `${header}.${b64({ ...decodedPayload, sub: "00000000-0000-7000-8000-000000000000" })}.${tokens.access_token.split(".")[2]}`,
    "wrong key": await sign(new SignJWT(claims).setProtectedHeader({ alg: "HS256" }).setIssuer("cordon").setAudience("cordon-api"), new Uint8Array(32)),
    "wrong audience": await sign(new SignJWT(claims).setProtectedHeader({ alg: "HS256" }).setIssuer("cordon").setAudience("someone-else")),
    "wrong issuer": await sign(new SignJWT(claims).setProtectedHeader({ alg: "HS256" }).setIssuer("evil").setAudience("cordon-api")),
    expired: (await signAccessToken({ sub: admin.id, ...claims }, Date.now() - 60 * 60 * 1000)).token,
  };
  for (const [name, token] of Object.entries(forged)) {
    const response = await callApi("GET", "/orgs/{slug}/members", { slug: org.slug }, { headers: bearer(token) });
    assert.equal(response.status, 401, name);
    assert.match(response.headers.get("www-authenticate") ?? "", /Bearer/, name);
    await problemOf(response);
  }
  assert.equal((await callApi("GET", "/orgs/{slug}/members", { slug: org.slug }, { headers: bearer(tokens.access_token) })).status, 200);
  await database.db.$transaction((tx) => revokeSession(tx, { userId: admin.id, email: admin.email }, tokens.session_id, "revoked_by_user", testContext()));
  assert.equal((await callApi("GET", "/orgs/{slug}/members", { slug: org.slug }, { headers: bearer(tokens.access_token) })).status, 401);
});

test("org validation: unknown and foreign orgs are 404, missing permission 403, a member's call works", async () => {
  const { org, admin, addMember } = await orgWithAdmin(database.db);
  const other = await orgWithAdmin(database.db);
  const viewer = await addMember("viewer");
  const { access_token } = await tokensFor(admin.email);
  const viewerToken = (await tokensFor(viewer.user.email)).access_token;
  assert.equal((await callApi("GET", "/orgs/{slug}/members", { slug: "no-such-org" }, { headers: bearer(access_token) })).status, 404);
  drainApiRequestCounts();
  const foreign = await callApi("GET", "/orgs/{slug}/members", { slug: other.org.slug }, { headers: bearer(access_token) });
  assert.equal(foreign.status, 404);
  assert.equal(drainApiRequestCounts().get(other.org.id), undefined, "calls into someone else's org are not metered to it");
  assert.match((await problemOf(foreign)).detail, /Organisation was not found/);
  const members = await callApi("GET", "/orgs/{slug}/members", { slug: org.slug }, { headers: bearer(viewerToken) });
  assert.equal(members.status, 200);
  assert.equal((await members.json()).total, 2);
  const invite = await callApi(
    "POST",
    "/orgs/{slug}/invites",
    { slug: org.slug },
    { headers: bearer(viewerToken), body: { kind: "email", email: "x@example.com", role: "member" } },
  );
  assert.equal(invite.status, 403);
  assert.match((await problemOf(invite)).detail, /invites:write/);
});

test("API keys: scoped to their org and scopes; revoked and expired keys are refused", async () => {
  const { org, adminCtx } = await orgWithAdmin(database.db);
  const other = await orgWithAdmin(database.db);
  const { key } = await createApiKey(database.db, await adminCtx(), { name: "ci", scopes: ["members:read"] }, testContext());
  const headers = bearer(key);
  const list = await callApi("GET", "/orgs/{slug}/members", { slug: org.slug }, { headers });
  assert.equal(list.status, 200);
  assert.equal(list.headers.get("ratelimit-limit"), "100");
  assert.equal((await callApi("GET", "/orgs/{slug}/members", { slug: other.org.slug }, { headers })).status, 404);
  const outOfScope = await callApi("GET", "/orgs/{slug}/invites", { slug: org.slug }, { headers });
  assert.equal(outOfScope.status, 403);
  assert.equal((await callApi("GET", "/orgs", {}, { headers })).status, 403, "person-only endpoints refuse keys");
  const wrongSecret = `${key.slice(0, -4)}AAAA`;
  assert.equal((await callApi("GET", "/orgs/{slug}/members", { slug: org.slug }, { headers: bearer(wrongSecret) })).status, 401);

  const { key: shortLived, apiKey } = await createApiKey(
    database.db,
    await adminCtx(),
    { name: "short", scopes: ["members:read"], expiresInDays: 1 },
    testContext(),
  );
  await database.db.apiKey.update({ where: { id: apiKey.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
  const expired = await callApi("GET", "/orgs/{slug}/members", { slug: org.slug }, { headers: bearer(shortLived) });
  assert.equal(expired.status, 401);
  assert.match((await problemOf(expired)).detail, /expired/);

  const keyRow = await database.db.apiKey.findFirstOrThrow({ where: { orgId: org.id, name: "ci" } });
  await revokeApiKey(database.db, await adminCtx(), keyRow.id, testContext());
  const revoked = await callApi("GET", "/orgs/{slug}/members", { slug: org.slug }, { headers });
  assert.equal(revoked.status, 401);
  assert.match((await problemOf(revoked)).detail, /revoked/);
});

test("an API key's change is audited as the key, with the request id", async () => {
  const { org, adminCtx } = await orgWithAdmin(database.db);
  const { key } = await createApiKey(database.db, await adminCtx(), { name: "automation", scopes: ["teams:read", "teams:write"] }, testContext());
  const created = await callApi(
    "POST",
    "/orgs/{slug}/teams",
    { slug: org.slug },
    { headers: { ...bearer(key), "x-request-id": "req-team-1" }, body: { name: "Ops" } },
  );
  assert.equal(created.status, 201);
  const event = await database.db.auditEvent.findFirstOrThrow({ where: { orgId: org.id, action: "team.create" } });
  assert.equal(event.actorType, "api_key");
  assert.match(event.actorLabel ?? "", /^automation \(key of /);
  assert.equal(event.requestId, "req-team-1");
});

test("bodies: JSON only (415), 1 MB cap (413), field paths on invalid input (400)", async () => {
  const { org, admin } = await orgWithAdmin(database.db);
  const headers = bearer((await tokensFor(admin.email)).access_token);
  const notJson = await callApi("POST", "/orgs/{slug}/teams", { slug: org.slug }, { headers: { ...headers, "content-type": "text/plain" }, rawBody: "name=x" });
  assert.equal(notJson.status, 415);
  const huge = await callApi("POST", "/orgs/{slug}/teams", { slug: org.slug }, { headers, body: { name: "x", description: "y".repeat(1024 * 1024) } });
  assert.equal(huge.status, 413);
  const invalid = await callApi("POST", "/orgs/{slug}/teams", { slug: org.slug }, { headers, body: { name: 42 } });
  assert.equal(invalid.status, 400);
  assert.deepEqual(
    (await problemOf(invalid)).errors.map((error: { path: string }) => error.path),
    ["name"],
  );
  const malformed = await callApi("POST", "/orgs/{slug}/teams", { slug: org.slug }, { headers, rawBody: "{", body: undefined });
  assert.ok([400, 415].includes(malformed.status));
  assert.equal((await callApi("PATCH", "/orgs/{slug}/members/{id}", { slug: org.slug, id: "not-a-uuid" }, { headers, body: { role: "viewer" } })).status, 404);
});

test("unknown paths 404 and wrong methods 405 as problem+json; preflight answers allowed origins only", async () => {
  const { org, adminCtx } = await orgWithAdmin(database.db);
  const catchAll = (await import(routeFileFor("/[...path]"))) as { GET: (r: Request) => Promise<Response> };
  const unknown = await catchAll.GET(new Request("http://cordon.test/api/v1/nothing/here"));
  assert.equal(unknown.status, 404);
  await problemOf(unknown);
  const wrongMethod = await callApi("PUT", "/orgs/{slug}/members", { slug: org.slug });
  assert.equal(wrongMethod.status, 405);
  assert.equal(wrongMethod.headers.get("allow"), "GET, OPTIONS");
  await problemOf(wrongMethod);

  const ctx = await adminCtx();
  await database.db.org.update({ where: { id: ctx.org.id }, data: { corsOrigins: ["https://app.example.com"] } });
  const preflight = await callApi(
    "OPTIONS",
    "/orgs/{slug}/members",
    { slug: org.slug },
    { headers: { origin: "https://app.example.com", "access-control-request-method": "GET" } },
  );
  assert.equal(preflight.status, 204);
  assert.equal(preflight.headers.get("access-control-allow-origin"), "https://app.example.com");
  assert.equal(preflight.headers.get("access-control-allow-credentials"), null, "never credentials cross-origin");
  const refused = await callApi("OPTIONS", "/orgs/{slug}/members", { slug: org.slug }, { headers: { origin: "https://evil.example" } });
  assert.equal(refused.status, 403);
  assert.equal(refused.headers.get("access-control-allow-origin"), null);
});

test("the rate limit is exact across two app instances on one database: 150 calls, 100 succeed", async () => {
  const user = await createUser(database.db);
  const { org } = await orgWithAdmin(database.db);
  await database.db.membership.create({ data: { orgId: org.id, userId: user.id, role: "viewer" } });
  const { access_token } = await tokensFor(user.email);
  // Windows are fixed calendar minutes: start the 150 calls well inside one, so a boundary can't reset the count mid-run.
  const leftInWindow = 60_000 - (Date.now() % 60_000);
  if (leftInWindow < 25_000) await new Promise((resolve) => setTimeout(resolve, leftInWindow + 100));
  const env = { ...process.env, DATABASE_URL: database.url, SLUG: org.slug, TOKEN: access_token, COUNT: "75" };
  const instances = await Promise.all([0, 1].map(() => runCommand(process.execPath, ["--import", "tsx", "test/support/gateway-instance.ts"], env)));
  const tally: Record<string, number> = {};
  for (const instance of instances) {
    assert.equal(instance.code, 0, instance.stderr);
    for (const [status, count] of Object.entries(JSON.parse(instance.stdout.trim().split("\n").at(-1)!) as Record<string, number>))
      tally[status] = (tally[status] ?? 0) + count;
  }
  assert.deepEqual(tally, { 200: 100, 429: 50 });
  const limited = await callApi("GET", "/orgs/{slug}/members", { slug: org.slug }, { headers: bearer(access_token) });
  assert.equal(limited.status, 429);
  const retryAfter = Number(limited.headers.get("retry-after"));
  assert.ok(retryAfter >= 0 && retryAfter <= 60, `Retry-After ${retryAfter}`);
  assert.equal(limited.headers.get("ratelimit-remaining"), "0");
  assert.equal(limited.headers.get("ratelimit-reset"), String(retryAfter));
});

test("the OpenAPI document covers every route file, and every documented path has one", async () => {
  const documented = new Set(API_ENDPOINTS.map((endpoint) => endpoint.path));
  const served = apiRoutePaths();
  for (const path of served) assert.ok(documented.has(path), `${path} has a route file but no endpoint declaration`);
  for (const path of documented) assert.ok(served.includes(path), `${path} is documented but has no route file`);
  const response = await callApi("GET", "/openapi.json", {});
  const document = await response.json();
  assert.equal(document.openapi, "3.1.0");
  assert.ok(document.paths["/orgs/{slug}/members"].get.parameters.some((p: { name: string; in: string }) => p.name === "q" && p.in === "query"));
  assert.equal(document.paths["/orgs/{slug}/teams"].post.requestBody.content["application/json"].schema.properties.name.type, "string");
});

test("fuzz: random bodies, headers and ids on every endpoint never produce a 5xx", async () => {
  const { org, admin } = await orgWithAdmin(database.db);
  const { access_token } = await tokensFor(admin.email);
  const auth = fc.constantFrom<Record<string, string>>({}, bearer(access_token), bearer("cdn_garbage_key"), bearer("not.a.jwt"), {
    authorization: "Basic Zm9vOmJhcg==",
  });
  const id = fc.oneof(fc.uuid(), fc.string({ maxLength: 40 }), fc.constant("../../etc"), fc.constant("%00"));
  const body = fc.oneof(fc.json({ maxDepth: 3 }), fc.string({ maxLength: 200 }), fc.constant("{"), fc.constant("[]"), fc.constant("null"));
  const contentType = fc.constantFrom("application/json", "text/plain", "application/x-www-form-urlencoded", "");
  const endpoints = API_ENDPOINTS.filter((endpoint) => endpoint.path !== "/auth/token"); // sign-in has its own lockout rules; fuzzing it locks accounts
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...endpoints), auth, id, body, contentType, async (endpoint, headers, someId, rawBody, type) => {
      const params: Record<string, string> = { slug: org.slug, id: someId, membershipId: someId, name: someId, path: "x/y" };
      const hasBody = endpoint.method !== "GET" && endpoint.method !== "DELETE";
      const response = await callApi(endpoint.method, endpoint.path, params, {
        headers: { ...headers, ...(type ? { "content-type": type } : {}) },
        rawBody: hasBody ? rawBody : undefined,
      });
      assert.ok(response.status < 500, `${endpoint.method} ${endpoint.path} → ${response.status}: ${await response.text()}`);
    }),
    { numRuns: 300 },
  );
});

test("a service call runs the pipeline, then reaches the upstream signed, with the caller's identity and not their credentials", async () => {
  process.env.GATEWAY_ALLOW_PRIVATE_UPSTREAMS = "true";
  const received: { headers: http.IncomingHttpHeaders; url: string; body: string }[] = [];
  let secret = "";
  const upstream = http.createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      received.push({ headers: request.headers, url: request.url ?? "", body });
      const check = verifyGatewaySignature({
        secret,
        timestamp: request.headers["x-gateway-timestamp"],
        signature: request.headers["x-gateway-signature"],
        path: request.url ?? "",
        body,
        replayCache: null,
      });
      response.writeHead(check.ok ? 200 : 401, { "content-type": "application/json" }).end(JSON.stringify(check));
    });
  });
  await new Promise<void>((resolve) => upstream.listen(0, "127.0.0.1", resolve));
  try {
    const { org, adminCtx } = await orgWithAdmin(database.db);
    const base = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}/v2`;
    const { key: adminKey } = await createApiKey(database.db, await adminCtx(), { name: "ops", scopes: ["services:write", "services:invoke"] }, testContext());
    const registered = await callApi(
      "POST",
      "/orgs/{slug}/services",
      { slug: org.slug },
      { headers: bearer(adminKey), body: { name: "billing", baseUrl: base } },
    );
    assert.equal(registered.status, 201);
    secret = (await registered.json()).secret;

    const { key: readOnly } = await createApiKey(database.db, await adminCtx(), { name: "reader", scopes: ["services:read"] }, testContext());
    const denied = await callApi(
      "POST",
      "/orgs/{slug}/services/{name}/{path}",
      { slug: org.slug, name: "billing", path: "invoices" },
      { headers: bearer(readOnly), body: {} },
    );
    assert.equal(denied.status, 403, "services:invoke is needed");
    assert.equal(received.length, 0);

    const response = await callApi(
      "POST",
      "/orgs/{slug}/services/{name}/{path}",
      { slug: org.slug, name: "billing", path: "invoices/42" },
      {
        headers: { ...bearer(adminKey), "x-user-id": "spoofed", "x-gateway-signature": "forged", "x-request-id": "fwd-1" },
        body: { amount: 5 },
        query: "?draft=1",
      },
    );
    assert.equal(response.status, 200, await response.clone().text());
    assert.deepEqual(await response.json(), { ok: true });
    const [call] = received;
    assert.equal(call.url, "/v2/invoices/42?draft=1");
    assert.equal(call.body, JSON.stringify({ amount: 5 }));
    assert.equal(call.headers["x-user-id"], undefined, "an API key is not a user (and the spoofed header is gone)");
    assert.equal(call.headers["x-org-id"], org.id);
    assert.equal(call.headers["x-request-id"], "fwd-1");
    assert.equal(call.headers["x-user-permissions"], "services:write,services:invoke");
    assert.equal(call.headers.authorization, undefined, "the caller's key never reaches the upstream");

    const unknown = await callApi("GET", "/orgs/{slug}/services/{name}/{path}", { slug: org.slug, name: "nope", path: "x" }, { headers: bearer(adminKey) });
    assert.equal(unknown.status, 404);
  } finally {
    upstream.close();
    delete process.env.GATEWAY_ALLOW_PRIVATE_UPSTREAMS;
  }
});
