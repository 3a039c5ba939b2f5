import { UAParser } from "ua-parser-js";
import type { SessionKind } from "@/generated/prisma/client";
import { recordAudit, type RequestContext } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db/client";
import { LOGIN_RULES } from "./login-rules";
import { consumeUserToken } from "./user-tokens";

export type SignedInSession = { userId: string; sessionId: string; email: string; name: string };

/** "Chrome 131 on macOS", or "Unknown device". */
export function deviceNameFromUserAgent(userAgent: string | null | undefined): string {
  if (!userAgent) return "Unknown device";
  const { browser, os } = UAParser(userAgent);
  const browserName = [browser.name, browser.major].filter(Boolean).join(" ");
  const osName = [os.name, os.version?.split(".")[0]].filter(Boolean).join(" ");
  if (!browserName && !osName) return userAgent.slice(0, 60);
  return osName ? `${browserName || "Browser"} on ${osName}` : browserName;
}

/**
 * Turns a login ticket (every factor passed) into a session (browser or API)
 * with device tracking. The ticket works once, within a minute.
 */
export async function redeemLoginTicket(db: Db, ticket: string, context: RequestContext, kind: SessionKind = "browser"): Promise<SignedInSession | null> {
  return db.$transaction(async (tx) => {
    const token = await consumeUserToken(tx, ticket, "login_ticket");
    if (!token) return null;
    const user = await tx.user.findUniqueOrThrow({ where: { id: token.userId } });
    const session = await tx.session.create({
      data: {
        userId: user.id,
        kind,
        deviceName: deviceNameFromUserAgent(context.userAgent),
        userAgent: context.userAgent?.slice(0, 512) ?? null,
        ip: context.ip ?? null,
        expiresAt: new Date(Date.now() + (kind === "browser" ? LOGIN_RULES.browserSessionMs : LOGIN_RULES.apiSessionMs)),
      },
    });
    await recordAudit(tx, {
      action: "login.success",
      actor: { type: "user", id: user.id, label: user.email },
      target: { type: "session", id: session.id, label: session.deviceName },
      detail: { method: (token.data as { method?: string }).method ?? "password", sessionKind: kind },
      context,
    });
    return { userId: user.id, sessionId: session.id, email: user.email, name: user.name };
  });
}
