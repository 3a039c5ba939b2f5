import { recordAudit, type RequestContext } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db/client";
import type { NatsRuntime } from "@/lib/nats/provision-org-account";
import { auditActor } from "@/lib/orgs/audit-actor";
import { ensureCan, type OrgContext } from "@/lib/orgs/org-context";
import { lockNatsUser } from "./lock-nats-user";
import { pushRevocations, type RevocationPush } from "./push-revocations";
import { revokeUserKey } from "./revoke-user-key";

/**
 * Deletes a user (a device user takes its device along). A live user's key is
 * revoked first, so deleting never leaves working credentials behind; the
 * revocation outlives the row, and the name becomes free again.
 */
export async function deleteNatsUser(
  db: Db,
  nats: NatsRuntime | null,
  ctx: OrgContext,
  id: string,
  context: RequestContext,
): Promise<{ push: RevocationPush }> {
  ensureCan(ctx, "nats_users:delete");
  const revoked = await db.$transaction(async (tx) => {
    const user = await lockNatsUser(tx, ctx.org.id, id);
    if (!user.revokedAt) await revokeUserKey(tx, ctx.org.id, user.publicKey, user.expiresAt, new Date());
    await tx.natsUser.delete({ where: { id: user.id } });
    await recordAudit(tx, {
      action: "nats_user.delete",
      actor: auditActor(ctx),
      orgId: ctx.org.id,
      target: { type: "nats_user", id: user.id, label: user.name },
      detail: { kind: user.kind, publicKey: user.publicKey, wasRevoked: Boolean(user.revokedAt) },
      context,
    });
    return !user.revokedAt;
  });
  return { push: revoked ? await pushRevocations(db, nats, ctx.org.id, auditActor(ctx)) : { ok: true } };
}
