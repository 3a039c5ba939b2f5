import assert from "node:assert/strict";
import { test } from "node:test";
import { SignJWT } from "jose";
import { verifyAccessToken } from "@/lib/auth/access-token";
import { authenticateBearer } from "@/lib/auth/authenticate-bearer";
import { issueApiTokens } from "@/lib/auth/issue-api-tokens";
import { loginWithPassword } from "@/lib/auth/login-with-password";
import { logoutApiSession } from "@/lib/auth/logout-api-session";
import { redeemLoginTicket } from "@/lib/auth/redeem-login-ticket";
import { refreshApiTokens } from "@/lib/auth/refresh-api-tokens";
import { revokeOtherSessions, revokeSession } from "@/lib/auth/revoke-sessions";
import { validateSession } from "@/lib/auth/validate-session";
import { testDatabaseForFile } from "@/test/support/database";
import { createUser, STRONG_PASSWORD, testContext, setTestSecrets } from "@/test/support/identity";

setTestSecrets();
const database = testDatabaseForFile();

async function browserSession(email: string) {
  const login = await loginWithPassword(database.db, { email, password: STRONG_PASSWORD }, testContext());
  assert.equal(login.status, "signed_in");
  const signedIn = await redeemLoginTicket(database.db, (login as { ticket: string }).ticket, testContext());
  assert.ok(signedIn);
  return signedIn;
}

test("a login ticket makes one session with the device named, and works once", async () => {
  const user = await createUser(database.db);
  const login = await loginWithPassword(database.db, { email: user.email, password: STRONG_PASSWORD }, testContext());
  assert.equal(login.status, "signed_in");
  const ticket = (login as { ticket: string }).ticket;
  const signedIn = await redeemLoginTicket(database.db, ticket, testContext());
  assert.ok(signedIn);
  assert.equal(await redeemLoginTicket(database.db, ticket, testContext()), null);
  const session = await database.db.session.findUniqueOrThrow({ where: { id: signedIn.sessionId } });
  assert.equal(session.deviceName, "Chrome 131 on Linux");
  assert.equal(session.kind, "browser");
  assert.equal(await database.db.auditEvent.count({ where: { action: "login.success", actorId: user.id } }), 1);
});

test("a revoked browser session stops working on its next request", async () => {
  const user = await createUser(database.db);
  const first = await browserSession(user.email);
  const second = await browserSession(user.email);
  assert.ok(await validateSession(database.db, first.sessionId));
  const actor = { userId: user.id, email: user.email, sessionId: second.sessionId };
  assert.equal(await database.db.$transaction((tx) => revokeSession(tx, actor, first.sessionId, "revoked_by_user", testContext())), true);
  assert.equal(await validateSession(database.db, first.sessionId), null);
  assert.ok(await validateSession(database.db, second.sessionId));
});

test("a user cannot revoke someone else's session", async () => {
  const alice = await createUser(database.db);
  const mallory = await createUser(database.db);
  const aliceSession = await browserSession(alice.email);
  const actor = { userId: mallory.id, email: mallory.email };
  assert.equal(await database.db.$transaction((tx) => revokeSession(tx, actor, aliceSession.sessionId, "x", testContext())), false);
  assert.equal(
    await database.db.$transaction((tx) => revokeSession(tx, actor, "not-a-session-id", "x", testContext())),
    false,
    "a malformed id is simply not theirs",
  );
  assert.ok(await validateSession(database.db, aliceSession.sessionId));
});

test("'sign out all other sessions' keeps only the current one", async () => {
  const user = await createUser(database.db);
  const sessions = [await browserSession(user.email), await browserSession(user.email), await browserSession(user.email)];
  const actor = { userId: user.id, email: user.email, sessionId: sessions[2].sessionId };
  assert.equal(await database.db.$transaction((tx) => revokeOtherSessions(tx, actor, "revoked_by_user", testContext())), 2);
  assert.deepEqual(await Promise.all(sessions.map(async (s) => !!(await validateSession(database.db, s.sessionId)))), [false, false, true]);
});

test("API tokens: issue, use, rotate; reusing a rotated refresh token revokes the whole session", async () => {
  const user = await createUser(database.db);
  const issued = await issueApiTokens(database.db, { email: user.email, password: STRONG_PASSWORD }, testContext());
  assert.ok(issued.ok);
  const { tokens } = issued;
  const me = await authenticateBearer(database.db, `Bearer ${tokens.access_token}`);
  assert.ok(me.ok);
  assert.equal(me.claims.sub, user.id);
  assert.equal(me.claims.email, user.email);
  assert.equal(me.claims.session_id, tokens.session_id);

  const rotated = await refreshApiTokens(database.db, tokens.refresh_token, testContext());
  assert.ok(rotated.ok);
  assert.notEqual(rotated.tokens.refresh_token, tokens.refresh_token);
  assert.equal(rotated.tokens.session_id, tokens.session_id);

  const reuse = await refreshApiTokens(database.db, tokens.refresh_token, testContext());
  assert.deepEqual(reuse, { ok: false, reason: "reused" });
  assert.equal((await refreshApiTokens(database.db, rotated.tokens.refresh_token, testContext())).ok, false, "the family is dead");
  assert.equal((await authenticateBearer(database.db, `Bearer ${rotated.tokens.access_token}`)).ok, false, "access tokens of the family stop at once");
  assert.equal(await database.db.auditEvent.count({ where: { action: "token.refresh_reuse", targetId: tokens.session_id } }), 1);
});

test("API logout ends the session; wrong password issues nothing", async () => {
  const user = await createUser(database.db);
  const issued = await issueApiTokens(database.db, { email: user.email, password: STRONG_PASSWORD }, testContext());
  assert.ok(issued.ok);
  await logoutApiSession(database.db, issued.tokens.refresh_token, testContext());
  assert.equal((await authenticateBearer(database.db, `Bearer ${issued.tokens.access_token}`)).ok, false);
  const wrong = await issueApiTokens(database.db, { email: user.email, password: "wrong wrong wrong" }, testContext());
  assert.deepEqual(wrong, { ok: false, status: 401, reason: "invalid_credentials" });
});

test("access tokens: alg none, another key, RS256 header, expired, wrong audience or issuer are all rejected", async () => {
  const user = await createUser(database.db);
  const issued = await issueApiTokens(database.db, { email: user.email, password: STRONG_PASSWORD }, testContext());
  assert.ok(issued.ok);
  const [header, payload, signature] = issued.tokens.access_token.split(".");
  const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const claims = JSON.parse(Buffer.from(payload, "base64url").toString());
  const now = Math.floor(Date.now() / 1000);
  const otherKey = new TextEncoder().encode("another-secret-another-secret-another-secret");
  const sign = (body: object, key = otherKey) => new SignJWT(body as Record<string, unknown>).setProtectedHeader({ alg: "HS256" }).sign(key);

  const forged = [
    `${b64({ alg: "none", typ: "JWT" })}.${payload}.`,
    `${b64({ alg: "RS256", typ: "JWT" })}.${payload}.${signature}`,
    `${header}.${b64({ ...claims, sub: "someone-else" })}.${signature}`,
    await sign(claims),
  ];
  for (const token of forged) assert.equal((await verifyAccessToken(token)).ok, false, token.slice(0, 40));

  const { hkdfSync } = await import("node:crypto");
  const realKey = new Uint8Array(hkdfSync("sha256", process.env.AUTH_SECRET!, "cordon", "access-token", 32));
  assert.equal((await verifyAccessToken(await sign(claims, realKey))).ok, true, "control: a correctly signed copy passes");
  assert.deepEqual(await verifyAccessToken(await sign({ ...claims, exp: now - 10, iat: now - 1000 }, realKey)), { ok: false, reason: "expired" });
  assert.equal((await verifyAccessToken(await sign({ ...claims, aud: "someone-else" }, realKey))).ok, false);
  assert.equal((await verifyAccessToken(await sign({ ...claims, iss: "evil" }, realKey))).ok, false);
});
