import { createHash, randomBytes } from "node:crypto";
import type { Prisma, TokenPurpose, UserToken } from "@/generated/prisma/client";
import type { Tx } from "@/lib/db/transaction";

export const TOKEN_LIFETIMES_MS: Record<TokenPurpose, number> = {
  verify_email: 24 * 60 * 60 * 1000,
  reset_password: 60 * 60 * 1000,
  unlock_account: 60 * 60 * 1000,
  mfa_challenge: 10 * 60 * 1000,
  login_ticket: 60 * 1000,
  webauthn_challenge: 5 * 60 * 1000,
};

export function hashToken(raw: string): string {
  return createHash("sha256").update(raw).digest("hex");
}

/** Creates a single-use token; the raw value goes to the user (link or cookie), only its hash is stored. */
export async function createUserToken(tx: Tx, userId: string, purpose: TokenPurpose, data: Prisma.InputJsonObject = {}): Promise<string> {
  const raw = randomBytes(32).toString("base64url");
  await tx.userToken.create({
    data: { userId, purpose, tokenHash: hashToken(raw), data, expiresAt: new Date(Date.now() + TOKEN_LIFETIMES_MS[purpose]) },
  });
  return raw;
}

/** Finds a live token without using it up. */
export async function findUserToken(tx: Tx, raw: string | undefined | null, purpose: TokenPurpose): Promise<UserToken | null> {
  if (!raw) return null;
  return tx.userToken.findFirst({ where: { tokenHash: hashToken(raw), purpose, usedAt: null, expiresAt: { gt: new Date() } } });
}

/** Uses a token up, exactly once even under concurrent requests; null when unknown, used or expired. */
export async function consumeUserToken(tx: Tx, raw: string | undefined | null, purpose: TokenPurpose): Promise<UserToken | null> {
  const token = await findUserToken(tx, raw, purpose);
  if (!token) return null;
  const { count } = await tx.userToken.updateMany({ where: { id: token.id, usedAt: null }, data: { usedAt: new Date() } });
  return count === 1 ? token : null;
}
