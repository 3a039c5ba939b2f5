import { recordAudit } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db/client";
import type { HttpContext } from "@/lib/http/request-context";
import { replaceRecoveryCodes } from "./confirm-totp-enrollment";
import type { SessionActor } from "./revoke-sessions";
import { userMfaMethods } from "./user-mfa";

/** A new set of 10 recovery codes; every old code stops working. Only for users with a second factor. */
export async function regenerateRecoveryCodes(
  db: Db,
  actor: SessionActor,
  context: HttpContext,
): Promise<{ ok: true; codes: string[] } | { ok: false; error: string }> {
  if (!(await userMfaMethods(db, actor.userId)).hasMfa) return { ok: false, error: "Set up an authenticator app or a passkey first." };
  const codes = await db.$transaction(async (tx) => {
    const fresh = await replaceRecoveryCodes(tx, actor.userId);
    await recordAudit(tx, {
      action: "mfa.recovery_codes.regenerate",
      actor: { type: "user", id: actor.userId, label: actor.email },
      target: { type: "user", id: actor.userId, label: actor.email },
      context,
    });
    return fresh;
  });
  return { ok: true, codes };
}
