import { recordAudit, type RequestContext } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db/client";
import { isUuid } from "@/lib/db/is-uuid";
import { ConflictError, NotFoundError } from "@/lib/errors/domain-errors";
import { roleName, rolePermissions } from "@/lib/rbac/effective-permissions";
import { wouldRemoveLastAdmin } from "@/lib/rbac/last-admin";
import { auditActor } from "./audit-actor";
import { ensureCan, ensureCanGrant, type OrgContext, roleRefOf } from "./org-context";
import { resolveRoleChoice } from "./role-choice";

const LAST_ADMIN = "An organisation needs at least one Admin: make someone else Admin first.";

/** Changes a member's direct role: never to one with permissions the actor lacks, and never demoting the last Admin. */
export async function changeMemberRole(db: Db, ctx: OrgContext, membershipId: string, roleValue: string, context: RequestContext) {
  ensureCan(ctx, "members:write");
  return db.$transaction(async (tx) => {
    const member = isUuid(membershipId)
      ? await tx.membership.findFirst({ where: { id: membershipId, orgId: ctx.org.id }, include: { customRole: true, user: true } })
      : null;
    if (!member) throw new NotFoundError("Member");
    const next = await resolveRoleChoice(tx, ctx.org.id, roleValue);
    ensureCanGrant(ctx, rolePermissions(next.ref));
    const current = roleRefOf(member)!;
    // Lock the org's admin rows so two concurrent demotions cannot both pass the count.
    const admins = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Membership" WHERE "orgId" = ${ctx.org.id}::uuid AND role = 'admin' FOR UPDATE`;
    if (wouldRemoveLastAdmin({ adminCount: admins.length, target: { currentRole: current }, change: { kind: "change_role", to: next.ref } }))
      throw new ConflictError(LAST_ADMIN);
    await tx.membership.update({ where: { id: member.id }, data: { role: next.role, customRoleId: next.customRoleId } });
    await recordAudit(tx, {
      action: "member.role.change",
      actor: auditActor(ctx),
      orgId: ctx.org.id,
      target: { type: "member", id: member.id, label: member.user.email },
      detail: { before: { role: roleName(current) }, after: { role: roleName(next.ref) } },
      context,
    });
  });
}

export { LAST_ADMIN };
