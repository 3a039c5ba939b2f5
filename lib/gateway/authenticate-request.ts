import { authenticateApiKey, isApiKey } from "@/lib/api-keys/authenticate-api-key";
import { authenticateBearer } from "@/lib/auth/authenticate-bearer";
import { validateSession } from "@/lib/auth/validate-session";
import type { Db } from "@/lib/db/client";
import type { Principal } from "./principal";

export type Authentication = { ok: true; principal: Principal | null } | { ok: false; detail: string };

const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?authjs\.session-token=/;

/**
 * Finds the caller: an `Authorization: Bearer` header (an API key `cdn_…` or
 * an access token), else the browser session cookie. No credentials is not a
 * failure here (`principal: null`); credentials that don't check out are.
 */
export async function authenticateRequest(db: Db, request: Request, ip: string | null): Promise<Authentication> {
  const authorization = request.headers.get("authorization");
  if (authorization) {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
    if (!token) return { ok: false, detail: "Send credentials as `Authorization: Bearer <access token or API key>`." };
    if (isApiKey(token)) {
      const result = await authenticateApiKey(db, token, ip);
      return result.ok ? { ok: true, principal: { kind: "api_key", key: result.key } } : result;
    }
    const bearer = await authenticateBearer(db, authorization);
    if (!bearer.ok) return bearer;
    return {
      ok: true,
      principal: { kind: "user", userId: bearer.session.userId, email: bearer.session.user.email, sessionId: bearer.session.id, via: "token" },
    };
  }
  if (!SESSION_COOKIE.test(request.headers.get("cookie") ?? "")) return { ok: true, principal: null };
  // Auth.js is loaded only for cookie calls: token and key calls never pay for it.
  const { auth } = await import("@/lib/auth/next-auth");
  const session = await validateSession(db, (await auth())?.sessionId);
  if (!session) return { ok: false, detail: "Your session has ended; sign in again." };
  return { ok: true, principal: { kind: "user", userId: session.userId, email: session.user.email, sessionId: session.id, via: "cookie" } };
}

/**
 * A cookie rides along on any request the browser makes, so a state change
 * authenticated by one must come from our own pages (same origin).
 */
export function isCrossSiteCookieWrite(request: Request, principal: Principal | null, appOrigin: string): boolean {
  if (principal?.kind !== "user" || principal.via !== "cookie" || ["GET", "HEAD", "OPTIONS"].includes(request.method)) return false;
  const origin = request.headers.get("origin");
  if (origin) return origin !== appOrigin;
  return request.headers.get("sec-fetch-site") !== null && request.headers.get("sec-fetch-site") !== "same-origin";
}
