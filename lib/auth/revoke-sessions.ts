import { recordAudit, type RequestContext } from "@/lib/audit/record-audit";
import { isUuid } from "@/lib/db/is-uuid";
import type { Tx } from "@/lib/db/transaction";

export type SessionActor = { userId: string; email: string; sessionId?: string };

/** Signs out one of the user's own sessions; false if it is not theirs or already ended. */
export async function revokeSession(tx: Tx, actor: SessionActor, sessionId: string, reason: string, context: RequestContext): Promise<boolean> {
  if (!isUuid(sessionId)) return false;
  const { count } = await tx.session.updateMany({
    where: { id: sessionId, userId: actor.userId, revokedAt: null },
    data: { revokedAt: new Date(), revokedReason: reason },
  });
  if (count === 0) return false;
  await recordAudit(tx, {
    action: "session.revoke",
    actor: { type: "user", id: actor.userId, label: actor.email },
    target: { type: "session", id: sessionId },
    detail: { reason },
    context,
  });
  return true;
}

/** Signs out every session of the user except `keepSessionId`; returns how many ended. */
export async function revokeOtherSessions(
  tx: Tx,
  actor: SessionActor,
  reason: string,
  context: RequestContext,
  keepSessionId = actor.sessionId,
): Promise<number> {
  const { count } = await tx.session.updateMany({
    where: { userId: actor.userId, revokedAt: null, ...(keepSessionId ? { id: { not: keepSessionId } } : {}) },
    data: { revokedAt: new Date(), revokedReason: reason },
  });
  if (count > 0) {
    await recordAudit(tx, {
      action: "session.revoke",
      actor: { type: "user", id: actor.userId, label: actor.email },
      target: { type: "user", id: actor.userId, label: actor.email },
      detail: { reason, sessions: count, kept: keepSessionId ?? null },
      context,
    });
  }
  return count;
}
