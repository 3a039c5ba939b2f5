import type { AuthenticatedApiKey } from "@/lib/api-keys/authenticate-api-key";

/**
 * Who is calling the API. A user arrives with a browser session cookie or an
 * access token; an API key belongs to one org and acts with its scopes.
 */
export type Principal =
  { kind: "user"; userId: string; email: string; sessionId: string; via: "cookie" | "token" } | { kind: "api_key"; key: AuthenticatedApiKey };

/** The identity rate limits count against: one budget per user or per key. */
export function principalKey(principal: Principal): string {
  return principal.kind === "user" ? `user:${principal.userId}` : `key:${principal.key.id}`;
}
