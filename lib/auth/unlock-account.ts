import { recordAudit, type RequestContext } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db/client";
import { consumeUserToken } from "./user-tokens";

/** Lifts a lockout through the emailed link; false for an unknown, used or expired link. */
export async function unlockAccount(db: Db, token: string, context: RequestContext): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const used = await consumeUserToken(tx, token, "unlock_account");
    if (!used) return false;
    const user = await tx.user.update({ where: { id: used.userId }, data: { lockedUntil: null, failedLogins: 0 } });
    await recordAudit(tx, {
      action: "user.unlock",
      actor: { type: "user", id: user.id, label: user.email },
      target: { type: "user", id: user.id, label: user.email },
      detail: { via: "email_link" },
      context,
    });
    return true;
  });
}
