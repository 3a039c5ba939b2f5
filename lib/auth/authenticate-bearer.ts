import type { Db } from "@/lib/db/client";
import { verifyAccessToken, type AccessTokenClaims } from "./access-token";
import { validateSession } from "./validate-session";

export type BearerResult =
  { ok: true; claims: AccessTokenClaims; session: NonNullable<Awaited<ReturnType<typeof validateSession>>> } | { ok: false; detail: string };

/** An `Authorization: Bearer <access token>` header checked down to its session: a revoked session fails at once. */
export async function authenticateBearer(db: Db, authorization: string | null): Promise<BearerResult> {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? "");
  if (!match) return { ok: false, detail: "Send an access token as `Authorization: Bearer <token>`." };
  const check = await verifyAccessToken(match[1]);
  if (!check.ok) return { ok: false, detail: check.reason === "expired" ? "The access token has expired; refresh it." : "The access token is invalid." };
  const session = await validateSession(db, check.claims.session_id);
  if (!session || session.userId !== check.claims.sub) return { ok: false, detail: "The session behind this token has ended." };
  return { ok: true, claims: check.claims, session };
}
