import * as api from "@/lib/api/auth-endpoints";
import { issueApiTokens } from "@/lib/auth/issue-api-tokens";
import { methods } from "@/lib/gateway/methods";
import { route } from "@/lib/gateway/route";
import { problem } from "@/lib/http/problem";

const DETAILS = {
  invalid_credentials: "Incorrect email or password.",
  mfa_required: "This account uses two-factor authentication: send `code` with a TOTP or recovery code.",
  mfa_invalid: "The two-factor code is not right.",
  locked: "Too many failed attempts. If this account exists it is locked for 15 minutes.",
  rate_limited: "Too many sign-in attempts. Try again later.",
} as const;

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  POST: route(api.issueToken, async ({ db, body, http }) => {
    const result = await issueApiTokens(db, body, http);
    if (result.ok) return result.tokens;
    const headers: Record<string, string> = result.retryAfterSeconds ? { "Retry-After": String(result.retryAfterSeconds) } : {};
    const title = result.status === 429 ? "Too Many Requests" : "Unauthorized";
    return problem(result.status, title, DETAILS[result.reason], http.requestId, { reason: result.reason }, headers);
  }),
});
