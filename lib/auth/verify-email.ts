import { recordAudit, type RequestContext } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db/client";
import { consumeUserToken } from "./user-tokens";

/** Marks the address verified; false for an unknown, used or expired link. */
export async function verifyEmail(db: Db, token: string, context: RequestContext): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const used = await consumeUserToken(tx, token, "verify_email");
    if (!used) return false;
    const user = await tx.user.update({ where: { id: used.userId }, data: { emailVerifiedAt: new Date() } });
    await recordAudit(tx, {
      action: "user.email_verify",
      actor: { type: "user", id: user.id, label: user.email },
      target: { type: "user", id: user.id, label: user.email },
      context,
    });
    return true;
  });
}
