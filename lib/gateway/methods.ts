import { problem } from "@/lib/http/problem";
import { requestContextFrom } from "@/lib/http/request-context";
import { getDb } from "@/lib/db/client";
import { allowedOrigins, preflightResponse } from "./cors";
import { HTTP_METHODS, type HttpMethod } from "./endpoint";
import { orgSummary } from "./org-summary";

type Handler = (request: Request, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;

/**
 * A route file's exports: the handlers it defines, a problem+json 405 (with
 * `Allow`) for every other method, and the CORS preflight answer.
 * `export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ GET: route(...) })`.
 */
export function methods(handlers: Partial<Record<HttpMethod, Handler>>): Record<HttpMethod | "OPTIONS", Handler> {
  const allowed = HTTP_METHODS.filter((method) => handlers[method]);
  const notAllowed: Handler = async (request) =>
    problem(
      405,
      "Method Not Allowed",
      `${request.method} is not supported here; use ${allowed.join(", ")}.`,
      requestContextFrom(request.headers).requestId,
      {},
      {
        Allow: [...allowed, "OPTIONS"].join(", "),
      },
    );
  const preflight: Handler = async (request, context) => {
    const { slug } = await context.params;
    const org = typeof slug === "string" ? await orgSummary(getDb(), slug) : null;
    const origins = allowedOrigins(org?.corsOrigins);
    return preflightResponse(request.headers.get("origin"), origins, allowed, requestContextFrom(request.headers).requestId);
  };
  return {
    ...(Object.fromEntries(HTTP_METHODS.map((method) => [method, handlers[method] ?? notAllowed])) as Record<HttpMethod, Handler>),
    OPTIONS: preflight,
  };
}
