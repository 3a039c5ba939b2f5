import { z } from "zod";
import { recordAudit, type RequestContext } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/is-unique-violation";
import { isUuid } from "@/lib/db/is-uuid";
import { ConflictError, NotFoundError, parseInput } from "@/lib/errors/domain-errors";
import { DUPLICATE_TEAM, ensureTeamNameFree, teamDescription, teamName, teamRoleChoice, teamRoleColumns } from "./create-team";
import { auditActor } from "./audit-actor";
import { teamRole } from "./get-team";
import { ensureCan, type OrgContext } from "./org-context";

/** Every field is optional: what is left out stays as it is. `role: ""` removes the team's role. */
export const updateTeamInput = z.object({ name: teamName.optional(), description: teamDescription.optional(), role: teamRoleChoice.optional() });

/**
 * Renames a team, or changes its description or the role it grants. A new role must
 * not exceed the actor's own permissions; keeping or removing the current one is fine.
 */
export async function updateTeam(db: Db, ctx: OrgContext, teamId: string, raw: unknown, context: RequestContext) {
  ensureCan(ctx, "teams:write");
  const input = parseInput(updateTeamInput, raw ?? {}, "name");
  const include = { customRole: { select: { id: true, name: true, permissions: true } } } as const;
  try {
    return await db.$transaction(async (tx) => {
      const existing = isUuid(teamId) ? await tx.team.findFirst({ where: { id: teamId, orgId: ctx.org.id }, include }) : null;
      if (!existing) throw new NotFoundError("Team");
      const before = { name: existing.name, description: existing.description, role: teamRole(existing) };
      const name = input.name ?? existing.name;
      const description = input.description ?? existing.description;
      const roleChanged = input.role !== undefined && input.role !== (before.role.roleValue ?? "");
      const role = roleChanged ? await teamRoleColumns(tx, ctx, input.role!) : { role: existing.role, customRoleId: existing.customRoleId };
      if (name !== existing.name) await ensureTeamNameFree(tx, ctx.org.id, name, existing.id);
      const team = await tx.team.update({ where: { id: existing.id }, data: { name, description, role: role.role, customRoleId: role.customRoleId }, include });
      const after = { name: team.name, description: team.description, role: teamRole(team) };
      await recordAudit(tx, {
        action: "team.update",
        actor: auditActor(ctx),
        orgId: ctx.org.id,
        target: { type: "team", id: team.id, label: team.name },
        detail: {
          before: { name: before.name, description: before.description, role: before.role.roleName },
          after: { name: after.name, description: after.description, role: after.role.roleName },
        },
        context,
      });
      return { id: team.id, name: team.name, description: team.description, ...after.role };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError(DUPLICATE_TEAM, "name");
    throw error;
  }
}
