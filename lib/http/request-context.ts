import { randomUUID } from "node:crypto";
import type { RequestContext } from "@/lib/audit/record-audit";

const REQUEST_ID = /^[A-Za-z0-9._-]{1,128}$/;

export type HttpContext = RequestContext & { origin: string; requestId: string };

/** Who is asking and from where, read from request headers; a client's X-Request-ID is kept only when well-formed. */
export function requestContextFrom(headers: Headers): HttpContext {
  const forwardedFor = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  const clientRequestId = headers.get("x-request-id");
  const host = headers.get("x-forwarded-host") ?? headers.get("host") ?? "localhost:3000";
  const proto = headers.get("x-forwarded-proto")?.split(",")[0] ?? "http";
  return {
    ip: forwardedFor || headers.get("x-real-ip") || null,
    userAgent: headers.get("user-agent"),
    requestId: clientRequestId && REQUEST_ID.test(clientRequestId) ? clientRequestId : randomUUID(),
    origin: process.env.APP_URL?.replace(/\/$/, "") ?? `${proto}://${host}`,
  };
}
