import type { RequestContext } from "@/lib/audit/record-audit";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db/client";
import { hashToken } from "./user-tokens";

/** `POST /api/v1/auth/logout`: ends the API session a refresh token belongs to. Unknown tokens are not an error. */
export async function logoutApiSession(db: Db, refreshToken: string, context: RequestContext): Promise<void> {
  await db.$transaction(async (tx) => {
    const stored = await tx.refreshToken.findUnique({ where: { tokenHash: hashToken(refreshToken) }, include: { session: { include: { user: true } } } });
    if (!stored || stored.session.revokedAt) return;
    await tx.session.update({ where: { id: stored.sessionId }, data: { revokedAt: new Date(), revokedReason: "logout" } });
    await recordAudit(tx, {
      action: "token.logout",
      actor: { type: "user", id: stored.session.userId, label: stored.session.user.email },
      target: { type: "session", id: stored.sessionId },
      context,
    });
  });
}
