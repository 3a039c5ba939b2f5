import { recordAudit, type RequestContext } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db/client";
import { isUuid } from "@/lib/db/is-uuid";
import { NotFoundError } from "@/lib/errors/domain-errors";
import { auditActor } from "./audit-actor";
import { teamRole } from "./get-team";
import { ensureCan, type OrgContext } from "./org-context";

/** Takes a member out of a team, and with it the role the team grants them. */
export async function removeTeamMember(db: Db, ctx: OrgContext, teamId: string, membershipId: string, context: RequestContext) {
  ensureCan(ctx, "teams:write");
  await db.$transaction(async (tx) => {
    const team = isUuid(teamId)
      ? await tx.team.findFirst({ where: { id: teamId, orgId: ctx.org.id }, include: { customRole: { select: { id: true, name: true, permissions: true } } } })
      : null;
    if (!team) throw new NotFoundError("Team");
    const link = isUuid(membershipId)
      ? await tx.teamMember.findFirst({
          where: { teamId: team.id, membershipId, membership: { orgId: ctx.org.id } },
          include: { membership: { include: { user: true } } },
        })
      : null;
    if (!link) throw new NotFoundError("Team member");
    await tx.teamMember.delete({ where: { teamId_membershipId: { teamId: team.id, membershipId: link.membershipId } } });
    await recordAudit(tx, {
      action: "team.member.remove",
      actor: auditActor(ctx),
      orgId: ctx.org.id,
      target: { type: "team", id: team.id, label: team.name },
      detail: { member: { id: link.membershipId, email: link.membership.user.email }, role: teamRole(team).roleName },
      context,
    });
  });
}
