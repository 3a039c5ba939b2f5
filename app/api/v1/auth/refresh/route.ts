import * as api from "@/lib/api/auth-endpoints";
import { refreshApiTokens } from "@/lib/auth/refresh-api-tokens";
import { methods } from "@/lib/gateway/methods";
import { route } from "@/lib/gateway/route";
import { problem } from "@/lib/http/problem";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  POST: route(api.refreshToken, async ({ db, body, http }) => {
    const result = await refreshApiTokens(db, body.refresh_token, http);
    if (result.ok) return result.tokens;
    const detail =
      result.reason === "reused"
        ? "This refresh token was already used; its session has been revoked. Sign in again."
        : "The refresh token is invalid or expired.";
    return problem(401, "Unauthorized", detail, http.requestId, { reason: result.reason });
  }),
});
