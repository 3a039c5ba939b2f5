import { recordAudit } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db/client";
import type { Tx } from "@/lib/db/transaction";
import type { HttpContext } from "@/lib/http/request-context";
import { generateRecoveryCodes, hashRecoveryCode } from "./recovery-codes";
import type { SessionActor } from "./revoke-sessions";
import { verifyTotp } from "./totp";
import { openTotpSecret } from "./totp-secret";

/** Replaces the user's recovery codes with a fresh set and returns them (the only time they are shown). */
export async function replaceRecoveryCodes(tx: Tx, userId: string): Promise<string[]> {
  const codes = generateRecoveryCodes(10);
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({ data: codes.map((code) => ({ userId, codeHash: hashRecoveryCode(code) })) });
  return codes;
}

/** Turns the pending authenticator on once the user proves it works; first-time MFA also gets recovery codes. */
export async function confirmTotpEnrollment(
  db: Db,
  actor: SessionActor,
  code: string,
  context: HttpContext,
): Promise<{ ok: true; recoveryCodes: string[] | null } | { ok: false; error: string }> {
  const pending = await db.totpCredential.findUnique({ where: { userId: actor.userId } });
  if (!pending || pending.confirmedAt) return { ok: false, error: "Start adding an authenticator app first." };
  const result = verifyTotp({ secret: openTotpSecret(pending.secretSealed), code, lastUsedStep: pending.lastUsedStep });
  if (!result.ok) return { ok: false, error: "That code is not right. Check your authenticator app's clock and try the newest code." };
  return db.$transaction(async (tx) => {
    await tx.totpCredential.update({ where: { userId: actor.userId }, data: { confirmedAt: new Date(), lastUsedStep: result.step } });
    const hasCodes = (await tx.recoveryCode.count({ where: { userId: actor.userId, usedAt: null } })) > 0;
    const recoveryCodes = hasCodes ? null : await replaceRecoveryCodes(tx, actor.userId);
    await recordAudit(tx, {
      action: "mfa.totp.enable",
      actor: { type: "user", id: actor.userId, label: actor.email },
      target: { type: "user", id: actor.userId, label: actor.email },
      context,
    });
    return { ok: true as const, recoveryCodes };
  });
}
