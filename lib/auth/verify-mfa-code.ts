import { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db/client";
import type { Tx } from "@/lib/db/transaction";
import type { HttpContext } from "@/lib/http/request-context";
import { deliverEmail } from "@/lib/mail/send-email";
import { completeLogin } from "./complete-login";
import { hashRecoveryCode, normaliseRecoveryCode } from "./recovery-codes";
import { isLocked, recordLoginFailure } from "./record-login-failure";
import { openTotpSecret } from "./totp-secret";
import { verifyTotp } from "./totp";
import { consumeUserToken, findUserToken } from "./user-tokens";

export const mfaCodeInput = z.object({ code: z.string().trim().min(1, "Enter the code from your authenticator app, or a recovery code.").max(64) });

export type MfaResult =
  { status: "signed_in"; ticket: string } | { status: "invalid"; reason: "invalid" | "replayed" } | { status: "locked" } | { status: "expired" };

/** True when the input has the shape of a recovery code rather than a 6-digit TOTP code. */
export function looksLikeRecoveryCode(code: string): boolean {
  return /[a-z]/i.test(code);
}

async function useTotp(tx: Tx, userId: string, code: string): Promise<{ ok: boolean; reason: "invalid" | "replayed" }> {
  const credential = await tx.totpCredential.findFirst({ where: { userId, confirmedAt: { not: null } } });
  if (!credential) return { ok: false, reason: "invalid" };
  const result = verifyTotp({ secret: openTotpSecret(credential.secretSealed), code, lastUsedStep: credential.lastUsedStep });
  if (!result.ok) return { ok: false, reason: result.reason };
  // Conditional write: two requests racing with the same code cannot both pass.
  const { count } = await tx.totpCredential.updateMany({
    where: { userId, OR: [{ lastUsedStep: null }, { lastUsedStep: { lt: result.step } }] },
    data: { lastUsedStep: result.step },
  });
  return count === 1 ? { ok: true, reason: "invalid" } : { ok: false, reason: "replayed" };
}

async function useRecoveryCode(tx: Tx, userId: string, code: string, context: HttpContext): Promise<boolean> {
  const { count } = await tx.recoveryCode.updateMany({
    where: { userId, usedAt: null, codeHash: hashRecoveryCode(normaliseRecoveryCode(code)) },
    data: { usedAt: new Date() },
  });
  if (count !== 1) return false;
  const remaining = await tx.recoveryCode.count({ where: { userId, usedAt: null } });
  await recordAudit(tx, {
    action: "mfa.recovery_code.use",
    actor: { type: "user", id: userId },
    target: { type: "user", id: userId },
    detail: { remaining },
    context,
  });
  return true;
}

/** Step two of signing in: a TOTP code or a one-time recovery code. Failures count toward the lockout. */
export async function verifyMfaCode(db: Db, challenge: string, rawCode: string, context: HttpContext): Promise<MfaResult> {
  const pending = await findUserToken(db, challenge, "mfa_challenge");
  if (!pending) return { status: "expired" };
  const user = await db.user.findUniqueOrThrow({ where: { id: pending.userId } });
  if (isLocked(user)) return { status: "locked" };

  const recovery = looksLikeRecoveryCode(rawCode);
  const outcome = await db.$transaction(async (tx) => {
    const check = recovery ? { ok: await useRecoveryCode(tx, user.id, rawCode, context), reason: "invalid" as const } : await useTotp(tx, user.id, rawCode);
    if (!check.ok) {
      const failure = await recordLoginFailure(tx, user, recovery ? "wrong_recovery_code" : `totp_${check.reason}`, context);
      return { kind: "failed" as const, failure, reason: check.reason };
    }
    if (!(await consumeUserToken(tx, challenge, "mfa_challenge"))) return { kind: "expired" as const };
    return { kind: "passed" as const, ticket: await completeLogin(tx, user.id, recovery ? "recovery_code" : "totp") };
  });

  if (outcome.kind === "passed") return { status: "signed_in", ticket: outcome.ticket };
  if (outcome.kind === "expired") return { status: "expired" };
  if (outcome.failure.emailId) await deliverEmail(db, outcome.failure.emailId);
  return outcome.failure.locked ? { status: "locked" } : { status: "invalid", reason: outcome.reason };
}
