import { z } from "zod";
import { tokenRequest } from "@/lib/auth/issue-api-tokens";
import { endpoint } from "@/lib/gateway/endpoint";

const refreshTokenBody = z.object({ refresh_token: z.string().min(1).max(200) });

export const issueToken = endpoint({
  method: "POST",
  path: "/auth/token",
  tag: "Auth",
  summary: "Sign in with email, password and (when enrolled) a TOTP or recovery code; returns OAuth-style tokens",
  auth: "none",
  rateLimit: "auth",
  body: tokenRequest,
});

export const refreshToken = endpoint({
  method: "POST",
  path: "/auth/refresh",
  tag: "Auth",
  summary: "Rotate a refresh token (a reused one revokes its session)",
  auth: "none",
  rateLimit: "auth",
  body: refreshTokenBody,
});

export const logout = endpoint({
  method: "POST",
  path: "/auth/logout",
  tag: "Auth",
  summary: "End the API session of a refresh token",
  auth: "none",
  rateLimit: "auth",
  status: 204,
  body: refreshTokenBody,
});
