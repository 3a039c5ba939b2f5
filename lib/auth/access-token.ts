import { hkdfSync } from "node:crypto";
import { errors, jwtVerify, SignJWT } from "jose";
import { loadConfig } from "@/lib/config/config";
import { LOGIN_RULES } from "./login-rules";

export const ACCESS_TOKEN_ISSUER = "cordon";
export const ACCESS_TOKEN_AUDIENCE = "cordon-api";

export type AccessTokenClaims = {
  sub: string;
  email: string;
  session_id: string;
  org_id: string | null;
  org_slug: string | null;
  roles: string[];
  permissions: string[];
  plan: string | null;
};

const keys = new Map<string, Uint8Array>();

/** The HS256 key: derived from AUTH_SECRET for this one purpose, so it is never the raw secret. */
function signingKey(authSecret = loadConfig().authSecret): Uint8Array {
  let key = keys.get(authSecret);
  if (!key) {
    key = new Uint8Array(hkdfSync("sha256", authSecret, "cordon", "access-token", 32));
    keys.set(authSecret, key);
  }
  return key;
}

export async function signAccessToken(claims: AccessTokenClaims, now = Date.now()): Promise<{ token: string; expiresIn: number }> {
  const { sub, ...rest } = claims;
  const iat = Math.floor(now / 1000);
  const token = await new SignJWT(rest)
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(sub)
    .setIssuer(ACCESS_TOKEN_ISSUER)
    .setAudience(ACCESS_TOKEN_AUDIENCE)
    .setIssuedAt(iat)
    .setExpirationTime(iat + LOGIN_RULES.accessTokenSeconds)
    .sign(signingKey());
  return { token, expiresIn: LOGIN_RULES.accessTokenSeconds };
}

export type AccessTokenCheck = { ok: true; claims: AccessTokenClaims } | { ok: false; reason: "expired" | "invalid" };

/**
 * Accepts only HS256 tokens signed with our key, for our issuer and audience,
 * unexpired. alg "none", RS256 or ES256 (key confusion) and anything else fail.
 */
export async function verifyAccessToken(token: string): Promise<AccessTokenCheck> {
  try {
    const { payload } = await jwtVerify(token, signingKey(), {
      algorithms: ["HS256"],
      issuer: ACCESS_TOKEN_ISSUER,
      audience: ACCESS_TOKEN_AUDIENCE,
      requiredClaims: ["sub", "exp", "iat"],
    });
    if (typeof payload.session_id !== "string" || typeof payload.sub !== "string") return { ok: false, reason: "invalid" };
    return { ok: true, claims: payload as unknown as AccessTokenClaims };
  } catch (error) {
    return { ok: false, reason: error instanceof errors.JWTExpired ? "expired" : "invalid" };
  }
}
