import { z } from "zod";
import { refreshApiTokens } from "@/lib/auth/refresh-api-tokens";
import { getDb } from "@/lib/db/client";
import { json, problem } from "@/lib/http/problem";
import { readJsonBody } from "@/lib/http/read-json-body";
import { requestContextFrom } from "@/lib/http/request-context";

const refreshRequest = z.object({ refresh_token: z.string().min(1).max(200) });

export async function POST(request: Request) {
  const context = requestContextFrom(request.headers);
  const body = await readJsonBody(request, refreshRequest, context.requestId);
  if (!body.ok) return body.response;
  const result = await refreshApiTokens(getDb(), body.data.refresh_token, context);
  if (result.ok) return json(result.tokens, context.requestId);
  const detail =
    result.reason === "reused"
      ? "This refresh token was already used; its session has been revoked. Sign in again."
      : "The refresh token is invalid or expired.";
  return problem(401, "Unauthorized", detail, context.requestId, { reason: result.reason });
}
