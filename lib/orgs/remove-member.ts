import { recordAudit, type RequestContext } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db/client";
import { isUuid } from "@/lib/db/is-uuid";
import { ConflictError, NotFoundError } from "@/lib/errors/domain-errors";
import { roleName } from "@/lib/rbac/effective-permissions";
import { wouldRemoveLastAdmin } from "@/lib/rbac/last-admin";
import { auditActor } from "./audit-actor";
import { LAST_ADMIN } from "./change-member-role";
import { ensureCan, roleRefOf, type OrgContext } from "./org-context";

/**
 * Removes a member (or, with `leaving`, the caller themself, which needs no
 * permission). The last Admin can do neither.
 */
export async function removeMember(db: Db, ctx: OrgContext, membershipId: string, context: RequestContext, leaving = false) {
  if (leaving) membershipId = ctx.membership.id;
  else ensureCan(ctx, "members:delete");
  await db.$transaction(async (tx) => {
    const member = isUuid(membershipId)
      ? await tx.membership.findFirst({ where: { id: membershipId, orgId: ctx.org.id }, include: { customRole: true, user: true } })
      : null;
    if (!member) throw new NotFoundError("Member");
    const admins = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Membership" WHERE "orgId" = ${ctx.org.id}::uuid AND role = 'admin' FOR UPDATE`;
    const current = roleRefOf(member)!;
    if (wouldRemoveLastAdmin({ adminCount: admins.length, target: { currentRole: current }, change: { kind: "remove" } })) {
      throw new ConflictError(leaving ? "You are the last Admin: make someone else Admin before you leave." : LAST_ADMIN);
    }
    await tx.membership.delete({ where: { id: member.id } });
    await recordAudit(tx, {
      action: leaving ? "org.leave" : "member.remove",
      actor: auditActor(ctx),
      orgId: ctx.org.id,
      target: { type: "member", id: member.id, label: member.user.email },
      detail: { role: roleName(current) },
      context,
    });
  });
}
