/**
 * CORS for /api/v1. An origin is allowed when it is in CORS_ALLOWED_ORIGINS or
 * in the org's own list (org routes). Allowed origins are echoed one at a
 * time, never `*`, and credentials are never allowed cross-origin: browser
 * apps on other origins authenticate with tokens or API keys, so a session
 * cookie can't be ridden from someone else's page.
 */
const ALLOWED_HEADERS = "Authorization, Content-Type, X-Request-ID";
const EXPOSED_HEADERS = "X-Request-ID, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset, Retry-After";

export function envAllowedOrigins(value = process.env.CORS_ALLOWED_ORIGINS): string[] {
  return (value ?? "")
    .split(",")
    .map((origin) => origin.trim().replace(/\/$/, ""))
    .filter(Boolean);
}

/** The origins allowed for a route: everyone's from the environment, plus the org's own on org routes. */
export function allowedOrigins(orgOrigins: readonly string[] = []): string[] {
  return [...envAllowedOrigins(), ...orgOrigins];
}

/** Headers to add to a response for this request's Origin (none when it is absent or not allowed). */
export function corsHeaders(origin: string | null, allowed: readonly string[]): Record<string, string> {
  if (!origin || !allowed.includes(origin)) return {};
  return { "Access-Control-Allow-Origin": origin, "Access-Control-Expose-Headers": EXPOSED_HEADERS, Vary: "Origin" };
}

/** The answer to an OPTIONS preflight: 204 with the allowed methods for an allowed origin, 403 otherwise. */
export function preflightResponse(origin: string | null, allowed: readonly string[], methods: readonly string[], requestId: string): Response {
  const headers = corsHeaders(origin, allowed);
  if (!headers["Access-Control-Allow-Origin"]) return new Response(null, { status: 403, headers: { "X-Request-ID": requestId, Vary: "Origin" } });
  return new Response(null, {
    status: 204,
    headers: {
      ...headers,
      "Access-Control-Allow-Methods": [...methods, "OPTIONS"].join(", "),
      "Access-Control-Allow-Headers": ALLOWED_HEADERS,
      "Access-Control-Max-Age": "600",
      "X-Request-ID": requestId,
    },
  });
}
