import type { User } from "@/generated/prisma/client";
import { recordAudit, type RequestContext } from "@/lib/audit/record-audit";
import type { Tx } from "@/lib/db/transaction";
import { queueEmail } from "@/lib/mail/send-email";
import { LOGIN_RULES } from "./login-rules";
import { createUserToken } from "./user-tokens";

export type FailureOutcome = { locked: boolean; emailId?: string };

/**
 * Counts a failed password or MFA code. The fifth in a row locks the account
 * for 15 minutes and emails an unlock link.
 */
export async function recordLoginFailure(tx: Tx, user: User, reason: string, context: RequestContext & { origin: string }): Promise<FailureOutcome> {
  const updated = await tx.user.update({ where: { id: user.id }, data: { failedLogins: { increment: 1 } } });
  await recordAudit(tx, {
    action: "login.failure",
    actor: { type: "user", id: user.id, label: user.email },
    target: { type: "user", id: user.id, label: user.email },
    detail: { reason, consecutiveFailures: updated.failedLogins },
    context,
    outcome: "failure",
  });
  if (updated.failedLogins < LOGIN_RULES.maxFailures) return { locked: false };

  const lockedUntil = new Date(Date.now() + LOGIN_RULES.lockMs);
  await tx.user.update({ where: { id: user.id }, data: { lockedUntil, failedLogins: 0 } });
  const token = await createUserToken(tx, user.id, "unlock_account");
  await recordAudit(tx, {
    action: "user.lock",
    actor: { type: "system", label: "login protection" },
    target: { type: "user", id: user.id, label: user.email },
    detail: { lockedUntil: lockedUntil.toISOString(), after: reason },
    context,
  });
  const emailId = await queueEmail(tx, {
    to: user.email,
    subject: "Your Cordon account was locked",
    text: `After ${LOGIN_RULES.maxFailures} failed sign-in attempts your account is locked until ${lockedUntil.toUTCString()}.\n\nIf this was you, unlock it now:\n${context.origin}/unlock?token=${token}\n\nIf it was not you, consider changing your password once you are back in.`,
  });
  return { locked: true, emailId };
}

export function isLocked(user: Pick<User, "lockedUntil">, now = new Date()): boolean {
  return !!user.lockedUntil && user.lockedUntil > now;
}
