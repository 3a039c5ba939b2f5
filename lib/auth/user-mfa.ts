import type { Tx } from "@/lib/db/transaction";

/** Recovery codes only stand in for a second factor: once the last one is gone, so are they. */
export async function dropRecoveryCodesIfNoFactorLeft(tx: Tx, userId: string): Promise<void> {
  const factors = (await tx.passkey.count({ where: { userId } })) + (await tx.totpCredential.count({ where: { userId, confirmedAt: { not: null } } }));
  if (factors === 0) await tx.recoveryCode.deleteMany({ where: { userId } });
}

export type MfaMethods = { totp: boolean; passkeys: number; recoveryCodesLeft: number };

/** Which second factors a user has. Orgs that require MFA check `hasMfa` on entry. */
export async function userMfaMethods(db: Tx, userId: string): Promise<MfaMethods & { hasMfa: boolean }> {
  const [totp, passkeys, recoveryCodesLeft] = await Promise.all([
    db.totpCredential.findFirst({ where: { userId, confirmedAt: { not: null } }, select: { userId: true } }),
    db.passkey.count({ where: { userId } }),
    db.recoveryCode.count({ where: { userId, usedAt: null } }),
  ]);
  return { totp: !!totp, passkeys, recoveryCodesLeft, hasMfa: !!totp || passkeys > 0 };
}
