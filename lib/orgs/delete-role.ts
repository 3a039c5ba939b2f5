import { recordAudit, type RequestContext } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db/client";
import { isUuid } from "@/lib/db/is-uuid";
import { ConflictError, NotFoundError } from "@/lib/errors/domain-errors";
import { auditActor } from "./audit-actor";
import { customRoleView } from "./create-role";
import { ensureCan, type OrgContext } from "./org-context";

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "2 members, 1 team and 1 invite" */
function usage(counts: { memberships: number; teams: number; invites: number }): string {
  const parts = [
    counts.memberships && count(counts.memberships, "member", "members"),
    counts.teams && count(counts.teams, "team", "teams"),
    counts.invites && count(counts.invites, "invite", "invites"),
  ].filter((part): part is string => Boolean(part));
  return parts.length > 1 ? `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}` : parts[0];
}

/**
 * Deletes a custom role nobody uses. Members, teams and invites (any invite row,
 * even a used or revoked one, since they keep the role they granted) must be moved
 * to another role first.
 */
export async function deleteRole(db: Db, ctx: OrgContext, roleId: string, context: RequestContext) {
  ensureCan(ctx, "roles:delete");
  try {
    await db.$transaction(async (tx) => {
      const role = isUuid(roleId)
        ? await tx.role.findFirst({
            where: { id: roleId, orgId: ctx.org.id },
            include: { _count: { select: { memberships: true, teams: true, invites: true } } },
          })
        : null;
      if (!role) throw new NotFoundError("Role");
      const { memberships, teams, invites } = role._count;
      if (memberships + teams + invites > 0) throw new ConflictError(`${role.name} is still used by ${usage(role._count)}: give them another role first.`);
      await tx.role.delete({ where: { id: role.id } });
      const { name, description, permissions } = customRoleView(role);
      await recordAudit(tx, {
        action: "role.delete",
        actor: auditActor(ctx),
        orgId: ctx.org.id,
        target: { type: "role", id: role.id, label: role.name },
        detail: { name, description, permissions },
        context,
      });
    });
  } catch (error) {
    // Someone assigned the role between the count and the delete; the foreign key refused it.
    if ((error as { code?: string }).code === "P2003") throw new ConflictError("This role was just given to someone: give them another role first.");
    throw error;
  }
}
