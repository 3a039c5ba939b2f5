import { randomBytes } from "node:crypto";
import type { Session, User } from "@/generated/prisma/client";
import type { Tx } from "@/lib/db/transaction";
import { signAccessToken } from "./access-token";
import { LOGIN_RULES } from "./login-rules";
import { hashToken } from "./user-tokens";

export type TokenPair = {
  access_token: string;
  token_type: "Bearer";
  expires_in: number;
  refresh_token: string;
  refresh_expires_in: number;
  session_id: string;
};

/** A fresh refresh token for an API session (stored hashed) plus a 15-minute access token. */
export async function mintTokenPair(tx: Tx, session: Session, user: User): Promise<TokenPair> {
  const refresh = `cr_${randomBytes(32).toString("base64url")}`;
  const expiresAt = new Date(Date.now() + LOGIN_RULES.apiSessionMs);
  await tx.refreshToken.create({ data: { sessionId: session.id, tokenHash: hashToken(refresh), expiresAt } });
  await tx.session.update({ where: { id: session.id }, data: { expiresAt, lastSeenAt: new Date() } });
  // Organisation claims stay empty until a token is scoped to an organisation.
  const access = await signAccessToken({
    sub: user.id,
    email: user.email,
    session_id: session.id,
    org_id: null,
    org_slug: null,
    roles: [],
    permissions: [],
    plan: null,
  });
  return {
    access_token: access.token,
    token_type: "Bearer",
    expires_in: access.expiresIn,
    refresh_token: refresh,
    refresh_expires_in: LOGIN_RULES.apiSessionMs / 1000,
    session_id: session.id,
  };
}
