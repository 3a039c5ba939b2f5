import { issueApiTokens, tokenRequest } from "@/lib/auth/issue-api-tokens";
import { getDb } from "@/lib/db/client";
import { json, problem } from "@/lib/http/problem";
import { readJsonBody } from "@/lib/http/read-json-body";
import { requestContextFrom } from "@/lib/http/request-context";

const DETAILS = {
  invalid_credentials: "Incorrect email or password.",
  mfa_required: "This account uses two-factor authentication: send `code` with a TOTP or recovery code.",
  mfa_invalid: "The two-factor code is not right.",
  locked: "Too many failed attempts. If this account exists it is locked for 15 minutes.",
  rate_limited: "Too many sign-in attempts. Try again later.",
} as const;

export async function POST(request: Request) {
  const context = requestContextFrom(request.headers);
  const body = await readJsonBody(request, tokenRequest, context.requestId);
  if (!body.ok) return body.response;
  const result = await issueApiTokens(getDb(), body.data, context);
  if (result.ok) return json(result.tokens, context.requestId);
  const headers: Record<string, string> = result.retryAfterSeconds ? { "Retry-After": String(result.retryAfterSeconds) } : {};
  return problem(
    result.status,
    result.status === 429 ? "Too Many Requests" : "Unauthorized",
    DETAILS[result.reason],
    context.requestId,
    { reason: result.reason },
    headers,
  );
}
