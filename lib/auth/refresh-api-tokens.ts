import { recordAudit, type RequestContext } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db/client";
import { mintTokenPair, type TokenPair } from "./api-tokens";
import { hashToken } from "./user-tokens";

export type RefreshResult = { ok: true; tokens: TokenPair } | { ok: false; reason: "invalid" | "reused" };

/**
 * Rotates a refresh token. Presenting one that was already rotated means it
 * was copied: the whole session (the token family) is revoked.
 */
export async function refreshApiTokens(db: Db, refreshToken: string, context: RequestContext): Promise<RefreshResult> {
  return db.$transaction(async (tx) => {
    const stored = await tx.refreshToken.findUnique({ where: { tokenHash: hashToken(refreshToken) }, include: { session: { include: { user: true } } } });
    if (!stored) return { ok: false as const, reason: "invalid" as const };
    const { session } = stored;
    const now = new Date();
    if (stored.rotatedAt) {
      if (!session.revokedAt) {
        await tx.session.update({ where: { id: session.id }, data: { revokedAt: now, revokedReason: "refresh_token_reuse" } });
        await recordAudit(tx, {
          action: "token.refresh_reuse",
          actor: { type: "user", id: session.userId, label: session.user.email },
          target: { type: "session", id: session.id, label: session.deviceName },
          detail: { rotatedAt: stored.rotatedAt.toISOString() },
          context,
          outcome: "failure",
        });
      }
      return { ok: false as const, reason: "reused" as const };
    }
    if (stored.expiresAt <= now || session.revokedAt || session.expiresAt <= now) return { ok: false as const, reason: "invalid" as const };
    // Conditional: of two concurrent refreshes with the same token, one wins and the other is a reuse.
    const { count } = await tx.refreshToken.updateMany({ where: { id: stored.id, rotatedAt: null }, data: { rotatedAt: now } });
    if (count !== 1) return { ok: false as const, reason: "reused" as const };
    return { ok: true as const, tokens: await mintTokenPair(tx, session, session.user) };
  });
}
