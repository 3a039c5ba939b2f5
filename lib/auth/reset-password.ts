import { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db/client";
import type { HttpContext } from "@/lib/http/request-context";
import { deliverEmail, queueEmail } from "@/lib/mail/send-email";
import { checkPassword } from "./check-password";
import { normaliseEmail } from "./login-rules";
import { hashPassword } from "./password-hash";
import { revokeOtherSessions } from "./revoke-sessions";
import { consumeUserToken, createUserToken, findUserToken } from "./user-tokens";

export const requestResetInput = z.object({ email: z.string().trim().min(1, "Enter your email address.").max(254) });

/** Emails a reset link when the account exists; the caller's answer is the same either way. */
export async function requestPasswordReset(db: Db, raw: unknown, context: HttpContext): Promise<{ ok: boolean; fieldErrors?: Record<string, string[]> }> {
  const parsed = requestResetInput.safeParse(raw);
  if (!parsed.success) return { ok: false, fieldErrors: z.flattenError(parsed.error).fieldErrors };
  const email = normaliseEmail(parsed.data.email);
  const emailId = await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { email } });
    if (!user) return null;
    const token = await createUserToken(tx, user.id, "reset_password");
    return queueEmail(tx, {
      to: email,
      subject: "Reset your Cordon password",
      text: `Choose a new password:\n${context.origin}/reset-password?token=${token}\n\nThe link works for one hour. If you did not ask for this, ignore this email.`,
    });
  });
  if (emailId) await deliverEmail(db, emailId);
  return { ok: true };
}

/** Whose password a live reset link would change (the form checks the new password against their email and name). */
export async function findResetRecipient(db: Db, token: string): Promise<{ email: string; name: string } | null> {
  const pending = await findUserToken(db, token, "reset_password");
  return pending && db.user.findUnique({ where: { id: pending.userId }, select: { email: true, name: true } });
}

/** Sets a new password from an emailed link, unlocks the account and signs out every session. */
export async function resetPassword(
  db: Db,
  token: string,
  password: string,
  context: HttpContext,
): Promise<{ ok: true } | { ok: false; error: string; problems?: string[] }> {
  const pending = await findUserToken(db, token, "reset_password");
  if (!pending) return { ok: false, error: "This reset link is invalid or has expired. Ask for a new one." };
  const user = await db.user.findUniqueOrThrow({ where: { id: pending.userId } });
  const policy = checkPassword(password, { email: user.email, name: user.name });
  if (!policy.ok) return { ok: false, error: "Choose a stronger password.", problems: policy.problems };
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    if (!(await consumeUserToken(tx, token, "reset_password"))) return { ok: false as const, error: "This reset link was already used." };
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, failedLogins: 0, lockedUntil: null } });
    const actor = { userId: user.id, email: user.email };
    await revokeOtherSessions(tx, actor, "password_reset", context, undefined);
    await recordAudit(tx, {
      action: "password.reset",
      actor: { type: "user", id: user.id, label: user.email },
      target: { type: "user", id: user.id, label: user.email },
      context,
    });
    return { ok: true as const };
  });
}
