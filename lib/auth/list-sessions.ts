import type { Db } from "@/lib/db/client";

/** The user's active sessions, most recently used first. */
export function listActiveSessions(db: Db, userId: string) {
  return db.session.findMany({
    where: { userId, revokedAt: null, expiresAt: { gt: new Date() } },
    orderBy: { lastSeenAt: "desc" },
    select: { id: true, kind: true, deviceName: true, ip: true, createdAt: true, lastSeenAt: true, expiresAt: true },
  });
}
