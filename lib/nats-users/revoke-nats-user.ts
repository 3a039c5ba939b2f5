import { recordAudit, type RequestContext } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db/client";
import { ConflictError } from "@/lib/errors/domain-errors";
import type { NatsRuntime } from "@/lib/nats/provision-org-account";
import { auditActor } from "@/lib/orgs/audit-actor";
import { ensureCan, type OrgContext } from "@/lib/orgs/org-context";
import { lockNatsUser } from "./lock-nats-user";
import { NATS_USER_INCLUDE, natsUserView, type NatsUserView } from "./nats-user-view";
import { pushRevocations, type RevocationPush } from "./push-revocations";
import { revokeUserKey } from "./revoke-user-key";

/**
 * Revokes a user for good: its key joins the account's revocations and the
 * account is pushed at once, so the servers cut its connections (within a
 * second here). The row stays, marked revoked, and is never issued
 * credentials again; `push` says whether the servers have applied it yet.
 */
export async function revokeNatsUser(
  db: Db,
  nats: NatsRuntime | null,
  ctx: OrgContext,
  id: string,
  context: RequestContext,
): Promise<{ user: NatsUserView; push: RevocationPush }> {
  ensureCan(ctx, "nats_users:write");
  const user = await db.$transaction(async (tx) => {
    const user = await lockNatsUser(tx, ctx.org.id, id);
    if (user.revokedAt) throw new ConflictError("This user is already revoked.");
    const now = new Date();
    await revokeUserKey(tx, ctx.org.id, user.publicKey, user.expiresAt, now);
    const revoked = await tx.natsUser.update({ where: { id: user.id }, data: { revokedAt: now }, include: NATS_USER_INCLUDE });
    await recordAudit(tx, {
      action: "nats_user.revoke",
      actor: auditActor(ctx),
      orgId: ctx.org.id,
      target: { type: "nats_user", id: user.id, label: user.name },
      detail: { kind: user.kind, publicKey: user.publicKey },
      context,
    });
    return natsUserView(revoked);
  });
  return { user, push: await pushRevocations(db, nats, ctx.org.id, auditActor(ctx)) };
}
