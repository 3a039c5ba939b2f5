import { recordAudit } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db/client";
import type { HttpContext } from "@/lib/http/request-context";
import { verifyPassword } from "./password-hash";
import type { SessionActor } from "./revoke-sessions";
import { dropRecoveryCodesIfNoFactorLeft } from "./user-mfa";

/** Removes the authenticator app after re-checking the password. Recovery codes go too when no passkey remains. */
export async function disableTotp(db: Db, actor: SessionActor, password: string, context: HttpContext): Promise<{ ok: true } | { ok: false; error: string }> {
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.userId } });
  if (!(await verifyPassword(user.passwordHash, password))) return { ok: false, error: "That is not your current password." };
  return db.$transaction(async (tx) => {
    const { count } = await tx.totpCredential.deleteMany({ where: { userId: actor.userId } });
    if (count === 0) return { ok: false as const, error: "No authenticator app is set up." };
    await dropRecoveryCodesIfNoFactorLeft(tx, actor.userId);
    await recordAudit(tx, {
      action: "mfa.totp.disable",
      actor: { type: "user", id: actor.userId, label: actor.email },
      target: { type: "user", id: actor.userId, label: actor.email },
      context,
    });
    return { ok: true as const };
  });
}
