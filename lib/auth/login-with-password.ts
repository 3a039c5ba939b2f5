import { z } from "zod";
import type { Db } from "@/lib/db/client";
import type { HttpContext } from "@/lib/http/request-context";
import { deliverEmail } from "@/lib/mail/send-email";
import { consumeRateLimit } from "@/lib/rate-limit/consume-rate-limit";
import { completeLogin } from "./complete-login";
import { LOGIN_RULES, normaliseEmail } from "./login-rules";
import { needsRehash, hashPassword, verifyAgainstDummy, verifyPassword } from "./password-hash";
import { isLocked, recordLoginFailure } from "./record-login-failure";
import { userMfaMethods } from "./user-mfa";
import { createUserToken } from "./user-tokens";

export const loginInput = z.object({
  email: z.string().trim().min(1, "Enter your email address.").max(254),
  password: z.string().min(1, "Enter your password.").max(1024),
});

export type LoginResult =
  | { status: "signed_in"; ticket: string; userId: string }
  | { status: "mfa_required"; challenge: string; userId: string }
  | { status: "invalid" }
  | { status: "locked" }
  | { status: "rate_limited"; retryAfterSeconds: number };

/**
 * Step one of signing in. Unknown emails, wrong passwords and locked accounts
 * are indistinguishable to the caller (same answers, one Argon2 verification
 * each), so the form cannot be used to find out who has an account.
 */
export async function loginWithPassword(db: Db, input: z.infer<typeof loginInput>, context: HttpContext): Promise<LoginResult> {
  const email = normaliseEmail(input.email);
  for (const [key, rule] of [
    [`login:ip:${context.ip ?? "unknown"}`, LOGIN_RULES.perIp],
    [`login:account:${email}`, LOGIN_RULES.perAccount],
  ] as const) {
    const limit = await consumeRateLimit(db, key, rule);
    if (!limit.allowed) return { status: "rate_limited", retryAfterSeconds: Math.ceil((limit.resetAt.getTime() - Date.now()) / 1000) };
  }

  const user = await db.user.findUnique({ where: { email } });
  if (!user) {
    await verifyAgainstDummy(input.password);
    // Unknown emails "lock" after as many failures as real ones, so lockout reveals nothing either.
    const failures = await consumeRateLimit(db, `login:unknown:${email}`, { limit: LOGIN_RULES.maxFailures - 1, windowMs: LOGIN_RULES.lockMs });
    return failures.allowed ? { status: "invalid" } : { status: "locked" };
  }

  const passwordOk = await verifyPassword(user.passwordHash, input.password);
  if (isLocked(user)) return { status: "locked" };
  if (!passwordOk) {
    const outcome = await db.$transaction((tx) => recordLoginFailure(tx, user, "wrong_password", context));
    if (outcome.emailId) await deliverEmail(db, outcome.emailId);
    return outcome.locked ? { status: "locked" } : { status: "invalid" };
  }

  if (needsRehash(user.passwordHash)) {
    await db.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(input.password) } });
  }
  const mfa = await userMfaMethods(db, user.id);
  if (mfa.hasMfa) {
    const challenge = await createUserToken(db, user.id, "mfa_challenge");
    return { status: "mfa_required", challenge, userId: user.id };
  }
  const ticket = await db.$transaction((tx) => completeLogin(tx, user.id, "password"));
  return { status: "signed_in", ticket, userId: user.id };
}
