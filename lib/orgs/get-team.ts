import type { Db } from "@/lib/db/client";
import { isUuid } from "@/lib/db/is-uuid";
import { NotFoundError } from "@/lib/errors/domain-errors";
import { roleName } from "@/lib/rbac/effective-permissions";
import { ensureCan, roleRefOf, type OrgContext } from "./org-context";
import { roleChoiceValue } from "./role-choice";

/** A team's role as forms and lists show it: its value (`manager`, `custom:<id>`) and name, both null when it grants none. */
export function teamRole(team: Parameters<typeof roleRefOf>[0]): { roleValue: string | null; roleName: string | null } {
  const ref = roleRefOf(team);
  return ref ? { roleValue: roleChoiceValue(ref), roleName: roleName(ref) } : { roleValue: null, roleName: null };
}

/** One team with its members, by name. */
export async function getTeam(db: Db, ctx: OrgContext, teamId: string) {
  ensureCan(ctx, "teams:read");
  const team = isUuid(teamId)
    ? await db.team.findFirst({
        where: { id: teamId, orgId: ctx.org.id },
        include: {
          customRole: { select: { id: true, name: true, permissions: true } },
          members: {
            include: { membership: { include: { user: { select: { name: true, email: true } } } } },
            orderBy: { membership: { user: { name: "asc" } } },
          },
        },
      })
    : null;
  if (!team) throw new NotFoundError("Team");
  return {
    id: team.id,
    name: team.name,
    description: team.description,
    ...teamRole(team),
    members: team.members.map(({ membership }) => ({ membershipId: membership.id, name: membership.user.name, email: membership.user.email })),
  };
}
