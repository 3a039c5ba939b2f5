import assert from "node:assert/strict";
import { test } from "node:test";
import { changePassword } from "@/lib/auth/change-password";
import { loginWithPassword } from "@/lib/auth/login-with-password";
import { redeemLoginTicket } from "@/lib/auth/redeem-login-ticket";
import { requestPasswordReset, resetPassword } from "@/lib/auth/reset-password";
import { validateSession } from "@/lib/auth/validate-session";
import { verifyEmail } from "@/lib/auth/verify-email";
import { testDatabaseForFile } from "@/test/support/database";
import { createUser, lastEmailLink, STRONG_PASSWORD, testContext, tokenFromLink, setTestSecrets } from "@/test/support/identity";

setTestSecrets();
const database = testDatabaseForFile();

async function signedInSession(email: string, password = STRONG_PASSWORD) {
  const login = await loginWithPassword(database.db, { email, password }, testContext());
  assert.equal(login.status, "signed_in");
  return (await redeemLoginTicket(database.db, (login as { ticket: string }).ticket, testContext()))!;
}

test("sign-up emails a verification link that works once", async () => {
  const user = await createUser(database.db);
  const { subject, link } = await lastEmailLink(database.db, user.email);
  assert.equal(subject, "Verify your email for Cordon");
  assert.equal(await verifyEmail(database.db, tokenFromLink(link), testContext()), true);
  assert.equal(await verifyEmail(database.db, tokenFromLink(link), testContext()), false);
  assert.ok((await database.db.user.findUniqueOrThrow({ where: { id: user.id } })).emailVerifiedAt);
});

test("signing up again with a taken email changes nothing and tells the owner", async () => {
  const user = await createUser(database.db);
  const { signUp } = await import("@/lib/auth/sign-up");
  assert.deepEqual(await signUp(database.db, { email: user.email.toUpperCase(), name: "Impostor", password: "another strong passphrase 9" }, testContext()), {
    ok: true,
  });
  assert.equal((await database.db.user.findUniqueOrThrow({ where: { id: user.id } })).name, "Test User");
  assert.equal((await lastEmailLink(database.db, user.email)).subject, "You already have a Cordon account");
});

test("a reset link sets a new password, works once, and signs out every session", async () => {
  const user = await createUser(database.db);
  const session = await signedInSession(user.email);
  assert.deepEqual(await requestPasswordReset(database.db, { email: user.email }, testContext()), { ok: true });
  assert.deepEqual(await requestPasswordReset(database.db, { email: "nobody@example.com" }, testContext()), { ok: true }, "same answer for unknown emails");
  const token = tokenFromLink((await lastEmailLink(database.db, user.email)).link);

  const weak = await resetPassword(database.db, token, "password1234", testContext());
  assert.equal(weak.ok, false);
  const newPassword = "a brand new passphrase for 2026";
  assert.deepEqual(await resetPassword(database.db, token, newPassword, testContext()), { ok: true });
  assert.equal((await resetPassword(database.db, token, "yet another passphrase 2027", testContext())).ok, false, "the link works once");

  assert.equal(await validateSession(database.db, session.sessionId), null);
  assert.equal((await loginWithPassword(database.db, { email: user.email, password: STRONG_PASSWORD }, testContext())).status, "invalid");
  assert.equal((await loginWithPassword(database.db, { email: user.email, password: newPassword }, testContext())).status, "signed_in");
  assert.equal(await database.db.auditEvent.count({ where: { action: "password.reset", actorId: user.id } }), 1);
});

test("changing the password needs the current one and signs out the other sessions only", async () => {
  const user = await createUser(database.db);
  const here = await signedInSession(user.email);
  const elsewhere = await signedInSession(user.email);
  const actor = { userId: user.id, email: user.email, sessionId: here.sessionId };
  const wrong = await changePassword(database.db, actor, "not my password", "a brand new passphrase for 2026", testContext());
  assert.deepEqual(wrong, { ok: false, fieldErrors: { currentPassword: ["That is not your current password."] } });
  const changed = await changePassword(database.db, actor, STRONG_PASSWORD, "a brand new passphrase for 2026", testContext());
  assert.deepEqual(changed, { ok: true, signedOut: 1 });
  assert.ok(await validateSession(database.db, here.sessionId));
  assert.equal(await validateSession(database.db, elsewhere.sessionId), null);
});
