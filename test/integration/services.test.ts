import assert from "node:assert/strict";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, test } from "node:test";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors/domain-errors";
import type { OrgContext } from "@/lib/orgs/org-context";
import { deleteService } from "@/lib/services/delete-service";
import { forwardToService, type ForwardInput } from "@/lib/services/forward-to-service";
import { listServices } from "@/lib/services/list-services";
import { registerService } from "@/lib/services/register-service";
import { retirePreviousSecret } from "@/lib/services/retire-previous-secret";
import { rotateServiceSecret } from "@/lib/services/rotate-service-secret";
import { sealServiceSecret } from "@/lib/services/service-secret";
import { updateService } from "@/lib/services/update-service";
import { MemoryReplayCache, verifyGatewaySignature } from "@/lib/services/verify-gateway-signature";
import { testDatabaseForFile } from "@/test/support/database";
import { setTestSecrets, testContext } from "@/test/support/identity";
import { orgWithAdmin } from "@/test/support/orgs";

setTestSecrets();
const database = testDatabaseForFile();

type Received = { method: string; url: string; headers: http.IncomingHttpHeaders; body: Buffer };

/** A real upstream on 127.0.0.1 that records what reaches it; `/slow` answers after 2 s. */
const upstream = {
  server: http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      upstream.received.push({ method: request.method!, url: request.url!, headers: request.headers, body: Buffer.concat(chunks) });
      const answer = () =>
        response
          .writeHead(201, { "Content-Type": "application/json", "Set-Cookie": "upstream=1", "X-Upstream": "yes", "Keep-Alive": "timeout=5" })
          .end(JSON.stringify({ hello: "from upstream" }));
      if (new URL(request.url!, "http://upstream").pathname.endsWith("/slow")) setTimeout(answer, 2000);
      else answer();
    });
  }),
  received: [] as Received[],
  baseUrl: "",
  last(): Received {
    const received = upstream.received.at(-1);
    assert.ok(received, "the upstream received nothing");
    return received;
  },
};

before(async () => {
  await new Promise<void>((resolve) => upstream.server.listen(0, "127.0.0.1", resolve));
  upstream.baseUrl = `http://127.0.0.1:${(upstream.server.address() as AddressInfo).port}`;
});

after(async () => {
  upstream.server.closeAllConnections();
  await new Promise((resolve) => upstream.server.close(resolve));
});

/** Loopback upstreams need the local-development flag; each test says which it wants. */
function allowPrivate(allowed: boolean) {
  if (allowed) process.env.GATEWAY_ALLOW_PRIVATE_UPSTREAMS = "true";
  else delete process.env.GATEWAY_ALLOW_PRIVATE_UPSTREAMS;
}

let serial = 0;
async function setup(baseUrl = `${upstream.baseUrl}/api`) {
  allowPrivate(true);
  const { org, adminCtx, addMember } = await orgWithAdmin(database.db);
  const admin = await adminCtx();
  const name = `svc-${++serial}`;
  const { service, secret } = await registerService(database.db, admin, { name, baseUrl }, testContext());
  return { org, admin, addMember, service, secret, name };
}

function forwardInput(ctx: OrgContext, serviceName: string, overrides: Partial<ForwardInput> = {}): ForwardInput {
  return {
    orgId: ctx.org.id,
    serviceName,
    method: "POST",
    path: "/orders/42",
    search: "?expand=items&q=a%2Cb",
    headers: new Headers({ "Content-Type": "application/json", Accept: "application/json" }),
    body: new TextEncoder().encode('{"qty":3}'),
    identity: {
      userId: ctx.user.id,
      orgId: ctx.org.id,
      roles: ["admin", "On call, EU"],
      permissions: ["services:invoke", "services:read"],
      requestId: "req-123",
    },
    ...overrides,
  };
}

/** The upstream's own check of what it received, as an upstream would run it. */
function verifyReceived(received: Received, secret: string | string[], options: { now?: number; body?: Buffer; cache?: MemoryReplayCache | null } = {}) {
  return verifyGatewaySignature({
    secret,
    timestamp: received.headers["x-gateway-timestamp"],
    signature: received.headers["x-gateway-signature"],
    path: received.url,
    body: options.body ?? received.body,
    now: options.now,
    replayCache: options.cache === undefined ? new MemoryReplayCache() : options.cache,
  });
}

async function problemOf(response: Response) {
  assert.equal(response.headers.get("content-type"), "application/problem+json");
  assert.equal(response.headers.get("x-request-id"), "req-123");
  const body = (await response.json()) as { status: number; request_id: string; detail: string };
  assert.equal(body.status, response.status);
  assert.equal(body.request_id, "req-123");
  return body;
}

function isError(type: new (...args: never[]) => Error, field?: string) {
  return (error: unknown) => {
    assert.ok(error instanceof type, `expected ${type.name}, got ${String(error)}`);
    if (field) assert.equal((error as { field?: string }).field, field);
    return true;
  };
}

test("registering returns the secret once; the database and the audit trail hold only sealed text", async () => {
  const { org, admin, service, secret, name } = await setup(`${upstream.baseUrl}/api/`);
  assert.match(secret, /^gws_[A-Za-z0-9_-]{43}$/);
  assert.equal(service.baseUrl, `${upstream.baseUrl}/api`, "stored without the trailing slash");
  assert.equal(service.previousSecretAcceptedUntil, null);
  assert.ok(!JSON.stringify(service).includes(secret));

  const row = await database.db.service.findUniqueOrThrow({ where: { id: service.id } });
  assert.match(row.secretSealed, /^v1\./);
  assert.ok(!JSON.stringify(row).includes(secret), "the plaintext secret is not in the row");
  assert.equal(row.createdById, admin.user.id);

  const listed = await listServices(database.db, admin);
  assert.deepEqual(listed, [service]);
  assert.ok(!JSON.stringify(listed).includes("v1."), "listing never carries the sealed secret");

  await assert.rejects(registerService(database.db, admin, { name, baseUrl: "https://api.example.com" }, testContext()), isError(ConflictError, "name"));
  await assert.rejects(
    registerService(database.db, admin, { name: "Bad_Name", baseUrl: "https://api.example.com" }, testContext()),
    isError(ValidationError, "name"),
  );
  for (const baseUrl of [
    "ftp://api.example.com",
    "https://user:pw@api.example.com",
    "https://api.example.com/#x",
    "https://api.example.com/?a=1",
    "not a url",
  ]) {
    await assert.rejects(registerService(database.db, admin, { name: "ok-name", baseUrl }, testContext()), isError(ValidationError, "baseUrl"), baseUrl);
  }

  const audit = await database.db.auditEvent.findMany({ where: { orgId: org.id, action: "service.create" }, omit: { seq: true } });
  assert.equal(audit.length, 1);
  assert.deepEqual(audit[0].detail, { name, baseUrl: service.baseUrl });
  assert.ok(!JSON.stringify(audit).includes(secret) && !JSON.stringify(audit).includes(row.secretSealed));
});

test("forwarding delivers method, path, query, body and identity, signed so the upstream's verifier accepts", async () => {
  const { admin, secret, name } = await setup();
  const response = await forwardToService(database.db, forwardInput(admin, name));

  assert.equal(response.status, 201);
  assert.deepEqual(await response.json(), { hello: "from upstream" });
  assert.equal(response.headers.get("x-upstream"), "yes");
  assert.equal(response.headers.get("x-request-id"), "req-123");
  assert.equal(response.headers.get("set-cookie"), null, "an upstream cannot set cookies on Cordon's origin");
  assert.equal(response.headers.get("keep-alive"), null);

  const received = upstream.last();
  assert.equal(received.method, "POST");
  assert.equal(received.url, "/api/orders/42?expand=items&q=a%2Cb");
  assert.equal(received.body.toString(), '{"qty":3}');
  assert.equal(received.headers["content-type"], "application/json");
  assert.equal(received.headers["x-user-id"], admin.user.id);
  assert.equal(received.headers["x-org-id"], admin.org.id);
  assert.equal(received.headers["x-user-roles"], "admin,On%20call%2C%20EU");
  assert.equal(received.headers["x-user-permissions"], "services:invoke,services:read");
  assert.equal(received.headers["x-request-id"], "req-123");
  assert.match(String(received.headers["x-gateway-timestamp"]), /^\d+$/);
  assert.ok(Math.abs(Number(received.headers["x-gateway-timestamp"]) - Date.now() / 1000) < 5);
  assert.match(String(received.headers["x-gateway-signature"]), /^[0-9a-f]{64}$/);
  assert.deepEqual(verifyReceived(received, secret), { ok: true });

  const get = await forwardToService(database.db, forwardInput(admin, name, { method: "get", path: "/", search: "", body: null }));
  assert.equal(get.status, 201);
  await get.arrayBuffer();
  assert.equal(upstream.last().url, "/api/");
  assert.equal(upstream.last().method, "GET");
  assert.equal(upstream.last().headers["content-length"], undefined);
  assert.deepEqual(verifyReceived(upstream.last(), secret), { ok: true });
});

test("the client's copies of identity and signature headers, and its credentials, never reach the upstream", async () => {
  const { admin, secret, name } = await setup();
  const headers = new Headers({
    "X-User-Id": "00000000-0000-0000-0000-000000000000",
    "X-Org-Id": "someone-else",
    "X-User-Roles": "admin",
    "X-User-Permissions": "*",
    "X-Gateway-Signature": "f".repeat(64),
    "X-Gateway-Timestamp": "1",
    "X-Request-ID": "spoofed",
    Authorization: "Bearer cdn_secret_key",
    Cookie: "authjs.session-token=abc",
    Host: "evil.example",
    Connection: "keep-alive, X-Drop-Me",
    "X-Drop-Me": "hop",
    "Proxy-Authorization": "Basic eA==",
    TE: "trailers",
    "X-Kept": "kept",
  });
  const response = await forwardToService(
    database.db,
    forwardInput(admin, name, { headers, identity: { ...forwardInput(admin, name).identity, userId: null } }),
  );
  assert.equal(response.status, 201);
  await response.arrayBuffer();
  const received = upstream.last().headers;
  assert.equal(received["x-user-id"], undefined, "an API-key call has no user, and the client's claim is dropped");
  assert.equal(received["x-org-id"], admin.org.id);
  assert.equal(received["x-user-roles"], "admin,On%20call%2C%20EU");
  assert.equal(received["x-request-id"], "req-123");
  assert.notEqual(received["x-gateway-signature"], "f".repeat(64));
  assert.notEqual(received["x-gateway-timestamp"], "1");
  for (const name of ["authorization", "cookie", "x-drop-me", "proxy-authorization", "te"]) assert.equal(received[name], undefined, name);
  assert.equal(received.host, new URL(upstream.baseUrl).host);
  assert.equal(received["x-kept"], "kept");
  assert.deepEqual(verifyReceived(upstream.last(), secret), { ok: true });
});

test("the verifier rejects a tampered body, a timestamp older than 300 s, and a replay", async () => {
  const { admin, secret, name } = await setup();
  await (await forwardToService(database.db, forwardInput(admin, name))).arrayBuffer();
  const received = upstream.last();
  const signedAt = Number(received.headers["x-gateway-timestamp"]) * 1000;

  assert.deepEqual(verifyReceived(received, secret, { body: Buffer.from('{"qty":300}') }), { ok: false, reason: "bad_signature" });
  assert.deepEqual(verifyReceived({ ...received, url: "/api/orders/43?expand=items&q=a%2Cb" }, secret), { ok: false, reason: "bad_signature" });
  assert.deepEqual(verifyReceived(received, secret, { now: signedAt + 301_000 }), { ok: false, reason: "stale_timestamp" });

  const cache = new MemoryReplayCache();
  assert.deepEqual(verifyReceived(received, secret, { cache }), { ok: true });
  assert.deepEqual(verifyReceived(received, secret, { cache }), { ok: false, reason: "replayed" });
});

test("during a rotation both the old and the new secret verify; after retiring only the new one", async () => {
  const { org, admin, service, secret: oldSecret, name } = await setup();
  const rotated = await rotateServiceSecret(database.db, admin, service.id, {}, testContext());
  const newSecret = rotated.secret;
  assert.notEqual(newSecret, oldSecret);
  const until = rotated.service.previousSecretAcceptedUntil;
  assert.ok(until && Math.abs(until.getTime() - Date.now() - 24 * 3_600_000) < 60_000, "the old secret is accepted for 24 h by default");

  await (await forwardToService(database.db, forwardInput(admin, name))).arrayBuffer();
  const during = upstream.last();
  assert.equal(String(during.headers["x-gateway-signature"]).split(",").length, 2);
  assert.deepEqual(verifyReceived(during, oldSecret), { ok: true }, "an upstream still on the old secret");
  assert.deepEqual(verifyReceived(during, newSecret), { ok: true }, "an upstream already on the new secret");
  assert.deepEqual(verifyReceived(during, [newSecret, oldSecret]), { ok: true }, "an upstream configured with both");

  await retirePreviousSecret(database.db, admin, service.id, testContext());
  await assert.rejects(retirePreviousSecret(database.db, admin, service.id, testContext()), isError(ConflictError));
  assert.equal((await listServices(database.db, admin))[0].previousSecretAcceptedUntil, null);
  await (await forwardToService(database.db, forwardInput(admin, name))).arrayBuffer();
  const afterRetire = upstream.last();
  assert.equal(String(afterRetire.headers["x-gateway-signature"]).split(",").length, 1);
  assert.deepEqual(verifyReceived(afterRetire, oldSecret), { ok: false, reason: "bad_signature" });
  assert.deepEqual(verifyReceived(afterRetire, newSecret), { ok: true });

  // The overlap also ends by itself: an expired previous secret no longer signs.
  const third = await rotateServiceSecret(database.db, admin, service.id, { overlapHours: 1 }, testContext());
  await database.db.service.update({ where: { id: service.id }, data: { previousSecretExpiresAt: new Date(Date.now() - 1000) } });
  assert.equal((await listServices(database.db, admin))[0].previousSecretAcceptedUntil, null);
  await (await forwardToService(database.db, forwardInput(admin, name))).arrayBuffer();
  assert.equal(String(upstream.last().headers["x-gateway-signature"]).split(",").length, 1);
  assert.deepEqual(verifyReceived(upstream.last(), third.secret), { ok: true });
  assert.deepEqual(verifyReceived(upstream.last(), newSecret), { ok: false, reason: "bad_signature" });

  await assert.rejects(rotateServiceSecret(database.db, admin, service.id, { overlapHours: 0 }, testContext()), isError(ValidationError, "overlapHours"));
  const audit = await database.db.auditEvent.findMany({ where: { orgId: org.id, targetId: service.id }, orderBy: { createdAt: "asc" }, omit: { seq: true } });
  assert.deepEqual(
    audit.map((event) => event.action),
    ["service.create", "service.secret.rotate", "service.secret.retire", "service.secret.rotate"],
  );
  const rows = JSON.stringify(audit);
  for (const secret of [oldSecret, newSecret, third.secret]) assert.ok(!rows.includes(secret), "no secret in the audit trail");
  assert.ok(!rows.includes("v1."), "no sealed secret in the audit trail");
});

test("a slow upstream is a 504 and a closed port a 502, both problem+json", async () => {
  const { admin, name } = await setup();
  const started = Date.now();
  const slow = await forwardToService(database.db, forwardInput(admin, name, { path: "/slow", timeoutMs: 200 }));
  assert.equal(slow.status, 504);
  assert.ok(Date.now() - started < 1500, "the gateway gave up at the timeout");
  assert.match((await problemOf(slow)).detail, /200 ms/);

  const closed = http.createServer();
  await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
  const port = (closed.address() as AddressInfo).port;
  await new Promise((resolve) => closed.close(resolve));
  const { service } = await registerService(database.db, admin, { name: "closed", baseUrl: `http://127.0.0.1:${port}` }, testContext());
  const unreachable = await forwardToService(database.db, forwardInput(admin, service.name));
  assert.equal(unreachable.status, 502);
  const body = await problemOf(unreachable);
  assert.doesNotMatch(body.detail, /127\.0\.0\.1|ECONNREFUSED/, "internal addresses stay in the server log");
});

test("metadata addresses are refused even with the private flag; loopback only with it", async () => {
  const { admin, name } = await setup();
  await assert.rejects(
    registerService(database.db, admin, { name: "metadata", baseUrl: "http://169.254.169.254/latest" }, testContext()),
    isError(ValidationError, "baseUrl"),
  );
  await assert.rejects(
    registerService(database.db, admin, { name: "metadata", baseUrl: "http://metadata.google.internal" }, testContext()),
    isError(ValidationError, "baseUrl"),
  );
  // A row from before the policy (or written around it) is still refused at request time.
  await database.db.service.create({
    data: { orgId: admin.org.id, name: "imds", baseUrl: "http://169.254.169.254", secretSealed: sealServiceSecret("unused") },
  });
  const before = upstream.received.length;
  const imds = await forwardToService(database.db, forwardInput(admin, "imds"));
  assert.equal(imds.status, 403);
  assert.match((await problemOf(imds)).detail, /link-local/);

  allowPrivate(false);
  await assert.rejects(registerService(database.db, admin, { name: "loop", baseUrl: upstream.baseUrl }, testContext()), isError(ValidationError, "baseUrl"));
  await assert.rejects(
    registerService(database.db, admin, { name: "loop", baseUrl: "http://localhost:8080" }, testContext()),
    isError(ValidationError, "baseUrl"),
  );
  const loopback = await forwardToService(database.db, forwardInput(admin, name));
  assert.equal(loopback.status, 403);
  assert.match((await problemOf(loopback)).detail, /loopback/);
  assert.equal(upstream.received.length, before, "nothing was sent");
  allowPrivate(true);
});

test("unknown services, other orgs' services, unsafe paths and methods get problems, not the upstream", async () => {
  const { admin, name } = await setup();
  const other = await setup();
  const before = upstream.received.length;
  const cases: [Partial<ForwardInput>, number][] = [
    [{ serviceName: "nope" }, 404],
    [{ serviceName: "Not_A_Name" }, 404],
    [{ orgId: other.org.id }, 404],
    [{ path: "/../admin" }, 400],
    [{ path: "/a/%2e%2e/admin" }, 400],
    [{ path: "/a/..%2fadmin" }, 400],
    [{ path: "no-slash" }, 400],
    [{ path: "/a b" }, 400],
    [{ search: "x=1" }, 400],
    [{ method: "CONNECT" }, 405],
  ];
  for (const [overrides, status] of cases) {
    const response = await forwardToService(database.db, forwardInput(admin, name, overrides));
    assert.equal(response.status, status, JSON.stringify(overrides));
    await problemOf(response);
  }
  assert.equal(upstream.received.length, before);
  // The service's name belongs to its org: the other org's service of another name is unknown here.
  assert.equal((await forwardToService(database.db, forwardInput(admin, other.name))).status, 404);
});

test("only members with the permission manage services; updates and deletes are audited", async () => {
  const { org, admin, addMember, service, name } = await setup();
  const viewer = await (await addMember("viewer")).ctx();
  const member = await (await addMember("member")).ctx();
  assert.deepEqual(await listServices(database.db, viewer), [service]);
  await assert.rejects(registerService(database.db, viewer, { name: "mine", baseUrl: "https://api.example.com" }, testContext()), isError(ForbiddenError));
  await assert.rejects(registerService(database.db, member, { name: "mine", baseUrl: "https://api.example.com" }, testContext()), isError(ForbiddenError));
  await assert.rejects(rotateServiceSecret(database.db, viewer, service.id, {}, testContext()), isError(ForbiddenError));
  await assert.rejects(retirePreviousSecret(database.db, viewer, service.id, testContext()), isError(ForbiddenError));
  await assert.rejects(updateService(database.db, viewer, service.id, { baseUrl: "https://api.example.com" }, testContext()), isError(ForbiddenError));
  await assert.rejects(deleteService(database.db, member, service.id, testContext()), isError(ForbiddenError));

  const updated = await updateService(database.db, admin, service.id, { baseUrl: "https://api.example.com/v2/" }, testContext());
  assert.equal(updated.baseUrl, "https://api.example.com/v2");
  await assert.rejects(updateService(database.db, admin, service.id, { baseUrl: "http://[fe80::1]" }, testContext()), isError(ValidationError, "baseUrl"));
  await assert.rejects(updateService(database.db, admin, "not-a-uuid", { baseUrl: "https://api.example.com" }, testContext()), isError(NotFoundError));
  const other = await setup();
  await assert.rejects(deleteService(database.db, admin, other.service.id, testContext()), isError(NotFoundError), "another org's service is not found");

  await deleteService(database.db, admin, service.id, testContext());
  assert.deepEqual(await listServices(database.db, admin), []);
  assert.equal((await forwardToService(database.db, forwardInput(admin, name))).status, 404);
  const audit = await database.db.auditEvent.findMany({ where: { orgId: org.id, targetId: service.id }, orderBy: { createdAt: "asc" } });
  assert.deepEqual(
    audit.map((event) => [event.action, event.detail]),
    [
      ["service.create", { name, baseUrl: service.baseUrl }],
      ["service.update", { baseUrl: { from: service.baseUrl, to: "https://api.example.com/v2" } }],
      ["service.delete", { name, baseUrl: "https://api.example.com/v2" }],
    ],
  );
});
