import { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db/client";
import type { HttpContext } from "@/lib/http/request-context";
import { mintTokenPair, type TokenPair } from "./api-tokens";
import { loginWithPassword } from "./login-with-password";
import { redeemLoginTicket } from "./redeem-login-ticket";
import { verifyMfaCode } from "./verify-mfa-code";

export const tokenRequest = z.object({
  email: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(1024),
  code: z.string().trim().min(1).max(64).optional(),
});

export type IssueResult =
  | { ok: true; tokens: TokenPair }
  | { ok: false; status: 401 | 429; reason: "invalid_credentials" | "mfa_required" | "mfa_invalid" | "locked" | "rate_limited"; retryAfterSeconds?: number };

/**
 * `POST /api/v1/auth/token`: the same password, lockout and MFA rules as the
 * browser (same use cases), then an API session with a token pair.
 */
export async function issueApiTokens(db: Db, input: z.infer<typeof tokenRequest>, context: HttpContext): Promise<IssueResult> {
  const login = await loginWithPassword(db, input, context);
  let ticket: string;
  if (login.status === "signed_in") ticket = login.ticket;
  else if (login.status === "mfa_required") {
    if (!input.code) return { ok: false, status: 401, reason: "mfa_required" };
    const mfa = await verifyMfaCode(db, login.challenge, input.code, context);
    if (mfa.status === "locked") return { ok: false, status: 401, reason: "locked" };
    if (mfa.status !== "signed_in") return { ok: false, status: 401, reason: "mfa_invalid" };
    ticket = mfa.ticket;
  } else if (login.status === "rate_limited") return { ok: false, status: 429, reason: "rate_limited", retryAfterSeconds: login.retryAfterSeconds };
  else return { ok: false, status: 401, reason: login.status === "locked" ? "locked" : "invalid_credentials" };

  const signedIn = await redeemLoginTicket(db, ticket, context, "api");
  if (!signedIn) return { ok: false, status: 401, reason: "invalid_credentials" };
  const tokens = await db.$transaction(async (tx) => {
    const session = await tx.session.findUniqueOrThrow({ where: { id: signedIn.sessionId }, include: { user: true } });
    await recordAudit(tx, {
      action: "token.issue",
      actor: { type: "user", id: session.userId, label: session.user.email },
      target: { type: "session", id: session.id },
      context,
    });
    return mintTokenPair(tx, session, session.user);
  });
  return { ok: true, tokens };
}
