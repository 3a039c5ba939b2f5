import { recordAudit, type RequestContext } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db/client";
import { isUuid } from "@/lib/db/is-uuid";
import type { SessionActor } from "./revoke-sessions";
import { dropRecoveryCodesIfNoFactorLeft } from "./user-mfa";

/** Deletes one of the user's passkeys; recovery codes go too when no second factor remains. */
export async function removePasskey(
  db: Db,
  actor: SessionActor,
  passkeyId: string,
  context: RequestContext,
): Promise<{ ok: true } | { ok: false; error: string }> {
  return db.$transaction(async (tx) => {
    const passkey = isUuid(passkeyId) ? await tx.passkey.findFirst({ where: { id: passkeyId, userId: actor.userId } }) : null;
    if (!passkey) return { ok: false as const, error: "That passkey no longer exists." };
    await tx.passkey.delete({ where: { id: passkey.id } });
    await dropRecoveryCodesIfNoFactorLeft(tx, actor.userId);
    await recordAudit(tx, {
      action: "passkey.remove",
      actor: { type: "user", id: actor.userId, label: actor.email },
      target: { type: "passkey", id: passkey.id, label: passkey.name },
      context,
    });
    return { ok: true as const };
  });
}
