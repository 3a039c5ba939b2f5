import type { z } from "zod";

/** An RFC 9457 problem response; every API error looks like this and carries the request id. */
export function problem(
  status: number,
  title: string,
  detail: string,
  requestId: string,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Response {
  return new Response(
    JSON.stringify({
      type: `https://cordon.dev/problems/${title.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`,
      title,
      status,
      detail,
      request_id: requestId,
      ...extra,
    }),
    {
      status,
      headers: { "Content-Type": "application/problem+json", "X-Request-ID": requestId, "Cache-Control": "no-store", ...headers },
    },
  );
}

export function json(body: unknown, requestId: string, status = 200): Response {
  return Response.json(body, { status, headers: { "X-Request-ID": requestId, "Cache-Control": "no-store" } });
}

/** Field paths and messages of a failed zod parse, e.g. `[{ path: "email", message: "Required" }]`. */
export function fieldErrors(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
}
