import { recordAudit, type RequestContext } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/is-unique-violation";
import { isUuid } from "@/lib/db/is-uuid";
import { ConflictError, NotFoundError } from "@/lib/errors/domain-errors";
import { roleName, rolePermissions } from "@/lib/rbac/effective-permissions";
import { auditActor } from "./audit-actor";
import { ensureCan, ensureCanGrant, type OrgContext, roleRefOf } from "./org-context";

const ALREADY_IN_TEAM = "They are already in this team.";

/** Adds a member of this org to a team; when the team grants a role, the actor must hold all of it. */
export async function addTeamMember(db: Db, ctx: OrgContext, teamId: string, membershipId: string, context: RequestContext) {
  ensureCan(ctx, "teams:write");
  try {
    return await db.$transaction(async (tx) => {
      const team = isUuid(teamId) ? await tx.team.findFirst({ where: { id: teamId, orgId: ctx.org.id }, include: { customRole: true } }) : null;
      if (!team) throw new NotFoundError("Team");
      const member = isUuid(membershipId) ? await tx.membership.findFirst({ where: { id: membershipId, orgId: ctx.org.id }, include: { user: true } }) : null;
      if (!member) throw new NotFoundError("Member");
      const role = roleRefOf(team);
      if (role) ensureCanGrant(ctx, rolePermissions(role));
      if (await tx.teamMember.findUnique({ where: { teamId_membershipId: { teamId: team.id, membershipId: member.id } } })) {
        throw new ConflictError(ALREADY_IN_TEAM, "membershipId");
      }
      await tx.teamMember.create({ data: { teamId: team.id, membershipId: member.id } });
      await recordAudit(tx, {
        action: "team.member.add",
        actor: auditActor(ctx),
        orgId: ctx.org.id,
        target: { type: "team", id: team.id, label: team.name },
        detail: { member: { id: member.id, email: member.user.email }, role: role ? roleName(role) : null },
        context,
      });
      return { teamId: team.id, membershipId: member.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError(ALREADY_IN_TEAM, "membershipId");
    throw error;
  }
}
