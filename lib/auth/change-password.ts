import { recordAudit } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db/client";
import type { HttpContext } from "@/lib/http/request-context";
import { checkPassword } from "./check-password";
import { hashPassword, verifyPassword } from "./password-hash";
import { revokeOtherSessions, type SessionActor } from "./revoke-sessions";

export type ChangePasswordResult = { ok: true; signedOut: number } | { ok: false; fieldErrors: { currentPassword?: string[]; newPassword?: string[] } };

/** Changes the password after checking the current one; every other session is signed out. */
export async function changePassword(
  db: Db,
  actor: SessionActor,
  currentPassword: string,
  newPassword: string,
  context: HttpContext,
): Promise<ChangePasswordResult> {
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.userId } });
  if (!(await verifyPassword(user.passwordHash, currentPassword)))
    return { ok: false, fieldErrors: { currentPassword: ["That is not your current password."] } };
  const policy = checkPassword(newPassword, { email: user.email, name: user.name });
  if (!policy.ok) return { ok: false, fieldErrors: { newPassword: policy.problems } };
  const passwordHash = await hashPassword(newPassword);
  const signedOut = await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    await recordAudit(tx, {
      action: "password.change",
      actor: { type: "user", id: user.id, label: user.email },
      target: { type: "user", id: user.id, label: user.email },
      context,
    });
    return revokeOtherSessions(tx, actor, "password_change", context);
  });
  return { ok: true, signedOut };
}
