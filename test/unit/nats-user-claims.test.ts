import assert from "node:assert/strict";
import { test } from "node:test";
import { decode, parseCreds, type Account, type User } from "@nats-io/jwt";
import { BROADCAST_SUBJECT, devicePermissions, deviceSubject } from "@/lib/devices/device-subjects";
import { generateLicenseKey, hashLicenseKey, licenseKeyMatches, parseLicenseKey } from "@/lib/devices/license-key-format";
import { buildAccountClaims, claimsHash } from "@/lib/nats/build-account-claims";
import { OperatorKeys } from "@/lib/nats/derive-keys";
import { generateOperatorSeed } from "@/lib/nats/key-pair";
import { buildUserClaims } from "@/lib/nats-users/build-user-claims";
import { issueUserCreds } from "@/lib/nats-users/issue-user-creds";
import { ensureFutureExpiry } from "@/lib/nats-users/nats-user-input";
import { natsUserStatus, permissionsSummary } from "@/lib/nats-users/nats-user-view";
import type { NatsPermissionSpec } from "@/lib/nats-users/permission-spec";

const spec: NatsPermissionSpec = {
  pub: { allow: ["orders.>"], deny: ["orders.secret"] },
  sub: { allow: ["foo v1", "_INBOX.>"], deny: [] },
  resp: { max: 2, ttlSeconds: 5 },
};

test("user claims: the spec's permissions, allow_responses' ttl in nanoseconds, limits written out (-1 for none)", () => {
  const claims = buildUserClaims({ kind: "service", maxPayload: 1024, maxSubscriptions: null, permissions: spec });
  assert.deepEqual(claims.pub, { allow: ["orders.>"], deny: ["orders.secret"] });
  assert.deepEqual(claims.sub, { allow: ["foo v1", "_INBOX.>"] });
  assert.deepEqual(claims.resp, { max: 2, ttl: 5_000_000_000 });
  assert.equal(claims.payload, 1024);
  assert.equal(claims.subs, -1);
  assert.equal(claims.data, -1);
  assert.equal(claims.allowed_connection_types, undefined);
  assert.deepEqual(buildUserClaims({ kind: "leaf", maxPayload: null, maxSubscriptions: null, permissions: spec }).allowed_connection_types, ["LEAFNODE"]);
});

test("issued creds: a new user key, a JWT signed by the account's signing key for the account, the expiry as exp; only the public key leaves", async () => {
  const keys = new OperatorKeys(generateOperatorSeed());
  const org = { id: "0190c0de-0000-7000-8000-000000000001", natsKeyGeneration: 0 };
  const expiresAt = new Date(Date.now() + 3_600_000);
  const first = await issueUserCreds(keys, org, { name: "orders-svc", kind: "service", maxPayload: null, maxSubscriptions: 10, permissions: spec, expiresAt });
  const second = await issueUserCreds(keys, org, {
    name: "orders-svc",
    kind: "service",
    maxPayload: null,
    maxSubscriptions: 10,
    permissions: spec,
    expiresAt: null,
  });
  assert.notEqual(first.publicKey, second.publicKey, "every issue is a new key");
  assert.match(first.publicKey, /^U[A-Z2-7]{55}$/);
  const parsed = await parseCreds(new TextEncoder().encode(first.creds));
  assert.match(parsed.key, /^SU[A-Z2-7]{56}$/);
  const jwt = decode<User>(parsed.jwt);
  assert.equal(jwt.sub, first.publicKey);
  assert.equal(jwt.name, "orders-svc");
  assert.equal(jwt.iss, keys.accountSigningKey(org.id).getPublicKey());
  assert.equal(jwt.nats.issuer_account, keys.account(org.id).getPublicKey());
  assert.equal(jwt.exp, Math.floor(expiresAt.getTime() / 1000));
  assert.equal(jwt.nats.subs, 10);
  assert.equal(decode(await parseCreds(new TextEncoder().encode(second.creds)).then((c) => c.jwt)).exp, undefined);
});

test("account claims: revocations map each revoked key to unix seconds, and are left out when there are none (same hash as before)", () => {
  const keys = new OperatorKeys(generateOperatorSeed());
  const org = { id: "0190c0de-0000-7000-8000-000000000002", slug: "acme", tier: "free" as const, natsKeyGeneration: 0 };
  const plain = buildAccountClaims(org, keys);
  assert.equal((plain.claims as Account).revocations, undefined);
  assert.equal(claimsHash(buildAccountClaims({ ...org, natsRevocations: [] }, keys).claims), claimsHash(plain.claims));
  const revokedAt = new Date("2026-11-23T12:00:00.900Z");
  const withRevocation = buildAccountClaims({ ...org, natsRevocations: [{ publicKey: "UABC", revokedAt }] }, keys);
  assert.deepEqual(withRevocation.claims.revocations, { UABC: Math.floor(revokedAt.getTime() / 1000) });
  assert.notEqual(claimsHash(withRevocation.claims), claimsHash(plain.claims));
});

test("license keys: lic_<public prefix>_<secret>, stored as sha256, compared in constant time", () => {
  const { key, prefix, hash } = generateLicenseKey();
  assert.match(key, /^lic_[a-z2-7]{12}_[A-Za-z0-9_-]{43}$/);
  assert.deepEqual(parseLicenseKey(key), { prefix });
  assert.equal(hash, hashLicenseKey(key));
  assert.ok(licenseKeyMatches(key, hash));
  assert.ok(!licenseKeyMatches(`${key.slice(0, -1)}x`, hash));
  for (const bad of ["", "lic_", `cdn_${prefix}_${key.slice(-43)}`, `${key}x`]) assert.equal(parseLicenseKey(bad), null, bad);
});

test("a device publishes and subscribes under events.license.<prefix>.> and hears broadcasts, but cannot broadcast", () => {
  assert.equal(deviceSubject("abc"), "events.license.abc.>");
  assert.deepEqual(devicePermissions("abc"), {
    pub: { allow: ["events.license.abc.>"], deny: [BROADCAST_SUBJECT] },
    sub: { allow: ["events.license.abc.>", "events.license.*.broadcast.>"], deny: [] },
    resp: null,
  });
});

test("status, expiry rules and the one-line permissions summary", () => {
  const now = new Date("2026-11-23T12:00:00Z");
  assert.equal(natsUserStatus({ revokedAt: null, expiresAt: null }, now), "active");
  assert.equal(natsUserStatus({ revokedAt: null, expiresAt: new Date("2026-11-23T11:59:59Z") }, now), "expired");
  assert.equal(natsUserStatus({ revokedAt: now, expiresAt: null }, now), "revoked");
  assert.throws(() => ensureFutureExpiry(new Date("2026-11-23T11:00:00Z"), now), /in the future/);
  assert.throws(() => ensureFutureExpiry(new Date("2040-01-01T00:00:00Z"), now), /ten years/);
  assert.equal(ensureFutureExpiry(null, now), null);
  assert.equal(permissionsSummary(spec), "pub: orders.> except orders.secret · sub: foo v1, _INBOX.> · replies: 2 within 5s");
  assert.equal(permissionsSummary({ pub: { allow: [], deny: [] }, sub: { allow: [], deny: [">"] }, resp: null }), "pub: anything · sub: anything except >");
});
