import { countApiRequest } from "@/lib/billing/count-api-request";
import { getDb, type Db } from "@/lib/db/client";
import { ForbiddenError } from "@/lib/errors/domain-errors";
import { fieldErrors, problem } from "@/lib/http/problem";
import { readJsonBody } from "@/lib/http/read-json-body";
import { requestContextFrom, type HttpContext } from "@/lib/http/request-context";
import { ensureCan, type OrgContext } from "@/lib/orgs/org-context";
import { consumeRateLimit, type RateLimitResult } from "@/lib/rate-limit/consume-rate-limit";
import { ANONYMOUS_RATE_LIMIT, API_RATE_LIMITS, AUTH_RATE_LIMIT } from "./api-rate-limits";
import { authenticateRequest, isCrossSiteCookieWrite } from "./authenticate-request";
import { allowedOrigins, corsHeaders } from "./cors";
import { isOrgRoute, type Endpoint } from "./endpoint";
import { loadApiOrgContext } from "./load-api-org-context";
import { orgSummary, type OrgSummary } from "./org-summary";
import { principalKey, type Principal } from "./principal";
import { problemForError } from "./problem-for-error";

export type ApiCall<Body, Query> = {
  request: Request;
  http: HttpContext;
  db: Db;
  params: Record<string, string>;
  principal: Principal | null;
  /** The org context of an org route (throws on others: a programming error). */
  ctx: OrgContext;
  body: Body;
  query: Query;
};

type RouteContext = { params: Promise<Record<string, string | string[]>> };

function rateLimitHeaders(result: RateLimitResult, now: number): Record<string, string> {
  const resetSeconds = String(Math.max(0, Math.ceil((result.resetAt.getTime() - now) / 1000)));
  return {
    "RateLimit-Limit": String(result.limit),
    "RateLimit-Remaining": String(result.remaining),
    "RateLimit-Reset": resetSeconds,
    ...(result.allowed ? {} : { "Retry-After": resetSeconds }),
  };
}

/** Counts the call against the right budget: per key or user within the org's plan, else per IP. */
function consumeBudget(db: Db, endpoint: Endpoint, principal: Principal | null, org: OrgSummary | null, ip: string | null): Promise<RateLimitResult> {
  if (endpoint.rateLimit === "auth") return consumeRateLimit(db, `api-auth:${ip ?? "unknown"}`, AUTH_RATE_LIMIT);
  if (!principal) return consumeRateLimit(db, `api-ip:${ip ?? "unknown"}`, ANONYMOUS_RATE_LIMIT);
  return consumeRateLimit(db, `api:${principalKey(principal)}:${org?.id ?? "-"}`, API_RATE_LIMITS[org?.tier ?? "free"]);
}

function withHeaders(response: Response, headers: Record<string, string>): Response {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

function successResponse(endpoint: Endpoint, result: unknown, requestId: string): Response {
  if (result instanceof Response) return result;
  if (endpoint.status === 204) return new Response(null, { status: 204, headers: { "X-Request-ID": requestId } });
  return Response.json(result ?? null, { status: endpoint.status ?? 200, headers: { "X-Request-ID": requestId, "Cache-Control": "no-store" } });
}

/**
 * The gateway: every /api/v1 handler is declared as `route(endpoint, handler)`
 * and runs behind the same steps, each a small function of its own:
 * request id → CORS → authenticate → rate limit → org validation →
 * permission → body → handler, with every failure a problem+json response
 * carrying the request id.
 */
export function route<Body, Query>(endpoint: Endpoint<Body, Query>, handler: (call: ApiCall<Body, Query>) => Promise<unknown>) {
  return async (request: Request, routeContext: RouteContext): Promise<Response> => {
    const http = requestContextFrom(request.headers);
    const { requestId } = http;
    const db = getDb();
    const origin = request.headers.get("origin");
    let extraHeaders: Record<string, string> = {};
    const finish = (response: Response) => withHeaders(response, { ...extraHeaders, "X-Request-ID": requestId });
    try {
      const params = Object.fromEntries(Object.entries(await routeContext.params).map(([key, value]) => [key, Array.isArray(value) ? value.join("/") : value]));
      const org = isOrgRoute(endpoint) && params.slug ? await orgSummary(db, params.slug) : null;
      if (origin) extraHeaders = corsHeaders(origin, allowedOrigins(org?.corsOrigins));

      // Failed credentials count against the caller's IP like anonymous calls: guessing keys is rate limited too.
      const authentication = await authenticateRequest(db, request, http.ip ?? null);
      const principal = authentication.ok ? authentication.principal : null;
      const budget = await consumeBudget(db, endpoint, principal, org, http.ip ?? null);
      extraHeaders = { ...extraHeaders, ...rateLimitHeaders(budget, Date.now()) };
      if (!budget.allowed) return finish(problem(429, "Too Many Requests", "Rate limit reached; retry after the time in Retry-After.", requestId));
      if (!authentication.ok || (endpoint.auth !== "none" && !principal)) {
        const detail = authentication.ok ? "Sign in, or send an access token or API key as `Authorization: Bearer …`." : authentication.detail;
        return finish(problem(401, "Unauthorized", detail, requestId, {}, { "WWW-Authenticate": 'Bearer realm="cordon"' }));
      }
      if (isCrossSiteCookieWrite(request, principal, http.origin)) throw new ForbiddenError("Cross-site requests may not use the session cookie.");
      if (endpoint.usersOnly && principal?.kind === "api_key") throw new ForbiddenError("This endpoint is for people, not API keys.");

      let ctx: OrgContext | undefined;
      if (isOrgRoute(endpoint) && principal) {
        ctx = await loadApiOrgContext(db, params.slug ?? "", principal);
        // Metered for billing only once the caller proved to be the org's (no one runs up another org's bill); in memory.
        countApiRequest(ctx.org.id);
        if (endpoint.permission) ensureCan(ctx, endpoint.permission);
      }

      let query = undefined as Query;
      if (endpoint.query) {
        const parsed = endpoint.query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
        if (!parsed.success)
          return finish(problem(400, "Validation Failed", "Some query parameters are invalid.", requestId, { errors: fieldErrors(parsed.error) }));
        query = parsed.data;
      }
      let body = undefined as Body;
      if (endpoint.body) {
        const read = await readJsonBody(request, endpoint.body, requestId);
        if (!read.ok) return finish(read.response);
        body = read.data;
      }

      const call: ApiCall<Body, Query> = {
        request,
        http,
        db,
        params,
        principal,
        body,
        query,
        get ctx(): OrgContext {
          if (!ctx) throw new Error(`${endpoint.path} is not an org route`);
          return ctx;
        },
      };
      return finish(successResponse(endpoint, await handler(call), requestId));
    } catch (error) {
      return finish(problemForError(error, requestId, `${endpoint.method} ${endpoint.path}`));
    }
  };
}
