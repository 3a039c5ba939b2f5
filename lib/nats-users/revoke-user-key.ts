import type { Tx } from "@/lib/db/transaction";

/**
 * Adds a user key to the org's revocations (inside the caller's transaction):
 * the account JWT then refuses every JWT of that key issued up to now, and the
 * servers cut its connections once the account is pushed. Cordon never issues
 * that key again, so the entry is needed only while the revoked JWT could
 * still be valid: `until` is its expiry (null: it never expires).
 */
export async function revokeUserKey(tx: Tx, orgId: string, publicKey: string, until: Date | null, now: Date): Promise<void> {
  await tx.natsRevocation.create({ data: { orgId, publicKey, revokedAt: now, until } });
}
