import { recordAudit, type RequestContext } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db/client";
import { isUuid } from "@/lib/db/is-uuid";
import { NotFoundError } from "@/lib/errors/domain-errors";
import { auditActor } from "./audit-actor";
import { teamRole } from "./get-team";
import { ensureCan, type OrgContext } from "./org-context";

/** Deletes a team; its members keep their direct roles and lose the team's. */
export async function deleteTeam(db: Db, ctx: OrgContext, teamId: string, context: RequestContext) {
  ensureCan(ctx, "teams:delete");
  await db.$transaction(async (tx) => {
    const team = isUuid(teamId)
      ? await tx.team.findFirst({
          where: { id: teamId, orgId: ctx.org.id },
          include: { customRole: { select: { id: true, name: true, permissions: true } }, _count: { select: { members: true } } },
        })
      : null;
    if (!team) throw new NotFoundError("Team");
    await tx.team.delete({ where: { id: team.id } });
    await recordAudit(tx, {
      action: "team.delete",
      actor: auditActor(ctx),
      orgId: ctx.org.id,
      target: { type: "team", id: team.id, label: team.name },
      detail: { name: team.name, role: teamRole(team).roleName, members: team._count.members },
      context,
    });
  });
}
