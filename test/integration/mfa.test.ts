import assert from "node:assert/strict";
import { test } from "node:test";
import { confirmTotpEnrollment } from "@/lib/auth/confirm-totp-enrollment";
import { issueApiTokens } from "@/lib/auth/issue-api-tokens";
import { loginWithPassword } from "@/lib/auth/login-with-password";
import { regenerateRecoveryCodes } from "@/lib/auth/regenerate-recovery-codes";
import { startTotpEnrollment } from "@/lib/auth/start-totp-enrollment";
import { totpCodeAt } from "@/lib/auth/totp";
import { verifyMfaCode } from "@/lib/auth/verify-mfa-code";
import { testDatabaseForFile } from "@/test/support/database";
import { createUser, STRONG_PASSWORD, testContext, setTestSecrets } from "@/test/support/identity";

setTestSecrets();
const database = testDatabaseForFile();

/**
 * Enrolment used the current step, so a sign-in needs a later one: the next
 * step's code (inside the ±1 window). Both stay valid if the clock crosses one
 * 30 s boundary on a slow run.
 */
function nextStepCode(secret: string): string {
  return totpCodeAt(secret, Date.now() + 30_000);
}

async function userWithTotp() {
  const user = await createUser(database.db);
  const actor = { userId: user.id, email: user.email };
  const enrollment = await startTotpEnrollment(database.db, actor);
  assert.ok("secret" in enrollment);
  assert.match(enrollment.qrSvg, /^<svg/);
  // A wrong code does not enable it.
  assert.equal((await confirmTotpEnrollment(database.db, actor, "000000", testContext())).ok, false);
  const confirmed = await confirmTotpEnrollment(database.db, actor, totpCodeAt(enrollment.secret), testContext());
  assert.ok(confirmed.ok);
  assert.equal(confirmed.recoveryCodes?.length, 10);
  return { user, actor, secret: enrollment.secret, recoveryCodes: confirmed.recoveryCodes! };
}

async function challenge(email: string): Promise<string> {
  const login = await loginWithPassword(database.db, { email, password: STRONG_PASSWORD }, testContext());
  assert.equal(login.status, "mfa_required");
  return (login as { challenge: string }).challenge;
}

test("with TOTP on, the password alone gives no session; the current code does, once", async () => {
  const { user, secret } = await userWithTotp();
  const first = await challenge(user.email);
  const code = nextStepCode(secret);
  const passed = await verifyMfaCode(database.db, first, code, testContext());
  assert.equal(passed.status, "signed_in");
  assert.equal((await verifyMfaCode(database.db, first, code, testContext())).status, "expired", "a challenge is single-use");
  const replay = await verifyMfaCode(database.db, await challenge(user.email), code, testContext());
  assert.deepEqual(replay, { status: "invalid", reason: "replayed" });
});

test("the TOTP secret is sealed at rest", async () => {
  const { user, secret } = await userWithTotp();
  const stored = await database.db.totpCredential.findUniqueOrThrow({ where: { userId: user.id } });
  assert.ok(!stored.secretSealed.includes(secret));
  assert.match(stored.secretSealed, /^v1\./);
});

test("a recovery code works once and not twice; regenerating voids the old set", async () => {
  const { user, actor, recoveryCodes } = await userWithTotp();
  assert.equal((await verifyMfaCode(database.db, await challenge(user.email), recoveryCodes[0], testContext())).status, "signed_in");
  assert.equal((await verifyMfaCode(database.db, await challenge(user.email), recoveryCodes[0], testContext())).status, "invalid");
  assert.equal(await database.db.auditEvent.count({ where: { action: "mfa.recovery_code.use", actorId: user.id } }), 1);

  const regenerated = await regenerateRecoveryCodes(database.db, actor, testContext());
  assert.ok(regenerated.ok);
  assert.equal((await verifyMfaCode(database.db, await challenge(user.email), recoveryCodes[1], testContext())).status, "invalid");
  assert.equal((await verifyMfaCode(database.db, await challenge(user.email), regenerated.codes[0].toUpperCase(), testContext())).status, "signed_in");
});

test("wrong MFA codes count toward the same lockout", async () => {
  const { user } = await userWithTotp();
  const pending = await challenge(user.email);
  const statuses = [];
  for (let i = 0; i < 5; i++) statuses.push((await verifyMfaCode(database.db, pending, "123456", testContext())).status);
  assert.deepEqual(statuses, ["invalid", "invalid", "invalid", "invalid", "locked"]);
  assert.equal((await loginWithPassword(database.db, { email: user.email, password: STRONG_PASSWORD }, testContext())).status, "locked");
});

test("the token API needs the code when MFA is on", async () => {
  const { user, secret } = await userWithTotp();
  assert.deepEqual(await issueApiTokens(database.db, { email: user.email, password: STRONG_PASSWORD }, testContext()), {
    ok: false,
    status: 401,
    reason: "mfa_required",
  });
  const issued = await issueApiTokens(database.db, { email: user.email, password: STRONG_PASSWORD, code: nextStepCode(secret) }, testContext());
  assert.equal(issued.ok, true);
});
