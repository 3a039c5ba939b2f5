import type { Db } from "@/lib/db/client";

/** The user's passkeys, oldest first, without their public keys. */
export function listPasskeys(db: Db, userId: string) {
  return db.passkey.findMany({ where: { userId }, orderBy: { createdAt: "asc" }, select: { id: true, name: true, createdAt: true, lastUsedAt: true } });
}
