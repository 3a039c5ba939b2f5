import { recordAudit, type RequestContext } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db/client";
import { isUuid } from "@/lib/db/is-uuid";
import { NotFoundError } from "@/lib/errors/domain-errors";
import { auditActor } from "@/lib/orgs/audit-actor";
import { ensureCan, roleRefOf, type OrgContext } from "@/lib/orgs/org-context";
import { roleName } from "@/lib/rbac/effective-permissions";
import { inviteStatus } from "./invite-status";

/**
 * Revokes an invite so its link stops working. Revoking an already revoked
 * invite changes nothing and records nothing; `revoked` says whether this
 * call did it.
 */
export async function revokeInvite(db: Db, ctx: OrgContext, inviteId: string, context: RequestContext): Promise<{ revoked: boolean }> {
  ensureCan(ctx, "invites:delete");
  if (!isUuid(inviteId)) throw new NotFoundError("Invite");
  return db.$transaction(async (tx) => {
    const invite = await tx.invite.findFirst({ where: { id: inviteId, orgId: ctx.org.id }, include: { customRole: true } });
    if (!invite) throw new NotFoundError("Invite");
    // Conditional, so two concurrent revocations record one event.
    const { count } = await tx.invite.updateMany({ where: { id: invite.id, orgId: ctx.org.id, revokedAt: null }, data: { revokedAt: new Date() } });
    if (count === 0) return { revoked: false };
    const ref = roleRefOf(invite);
    await recordAudit(tx, {
      action: "invite.revoke",
      actor: auditActor(ctx),
      orgId: ctx.org.id,
      target: { type: "invite", id: invite.id, label: invite.email ?? "Invite link" },
      detail: { kind: invite.kind, role: ref ? roleName(ref) : null, statusBefore: inviteStatus(invite), usedCount: invite.usedCount, maxUses: invite.maxUses },
      context,
    });
    return { revoked: true };
  });
}
