import type { Db } from "@/lib/db/client";
import { LOGIN_RULES } from "./login-rules";

/**
 * The session behind a cookie or token, if it still stands: not revoked, not
 * expired. Records when it was last seen (at most once a minute).
 */
export async function validateSession(db: Db, sessionId: string | undefined | null) {
  if (!sessionId) return null;
  const session = await db.session.findUnique({ where: { id: sessionId }, include: { user: true } });
  const now = new Date();
  if (!session || session.revokedAt || session.expiresAt <= now) return null;
  if (now.getTime() - session.lastSeenAt.getTime() > LOGIN_RULES.touchIntervalMs) {
    await db.session.update({ where: { id: session.id }, data: { lastSeenAt: now } });
  }
  return session;
}
