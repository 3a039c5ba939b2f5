import { recordAudit, type RequestContext } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db/client";
import { isUuid } from "@/lib/db/is-uuid";
import { passkeyName } from "./finish-passkey-registration";
import type { SessionActor } from "./revoke-sessions";

export async function renamePasskey(
  db: Db,
  actor: SessionActor,
  passkeyId: string,
  name: string,
  context: RequestContext,
): Promise<{ ok: true } | { ok: false; error: string }> {
  const parsed = passkeyName.safeParse(name);
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0].message };
  return db.$transaction(async (tx) => {
    const passkey = isUuid(passkeyId) ? await tx.passkey.findFirst({ where: { id: passkeyId, userId: actor.userId } }) : null;
    if (!passkey) return { ok: false as const, error: "That passkey no longer exists." };
    await tx.passkey.update({ where: { id: passkey.id }, data: { name: parsed.data } });
    await recordAudit(tx, {
      action: "passkey.rename",
      actor: { type: "user", id: actor.userId, label: actor.email },
      target: { type: "passkey", id: passkey.id, label: parsed.data },
      detail: { before: { name: passkey.name }, after: { name: parsed.data } },
      context,
    });
    return { ok: true as const };
  });
}
