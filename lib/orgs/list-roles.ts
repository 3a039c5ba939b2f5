import type { Db } from "@/lib/db/client";
import type { Permission } from "@/lib/rbac/permissions";
import { BUILT_IN_ROLES, ROLE_ORDER } from "@/lib/rbac/roles";
import { customRoleView } from "./create-role";
import { ensureCan, type OrgContext } from "./org-context";

export type RoleRow = {
  /** The value forms and the API use: `admin`, … or `custom:<id>`. */
  value: string;
  /** The custom role's id; null for built-in roles. */
  id: string | null;
  name: string;
  description: string;
  builtIn: boolean;
  permissions: Permission[];
  memberCount: number;
  teamCount: number;
};

/** Built-in roles (most privileged first), then the org's custom roles by name, each with how many members and teams hold it. */
export async function listRoles(db: Db, ctx: OrgContext): Promise<RoleRow[]> {
  ensureCan(ctx, "roles:read");
  const [memberCounts, teamCounts, custom] = await Promise.all([
    db.membership.groupBy({ by: ["role"], where: { orgId: ctx.org.id, role: { not: null } }, _count: { _all: true } }),
    db.team.groupBy({ by: ["role"], where: { orgId: ctx.org.id, role: { not: null } }, _count: { _all: true } }),
    db.role.findMany({
      where: { orgId: ctx.org.id },
      orderBy: [{ name: "asc" }, { id: "asc" }],
      include: { _count: { select: { memberships: true, teams: true } } },
    }),
  ]);
  const builtIn: RoleRow[] = ROLE_ORDER.map((key) => ({
    value: key,
    id: null,
    name: BUILT_IN_ROLES[key].name,
    description: BUILT_IN_ROLES[key].description,
    builtIn: true,
    permissions: [...BUILT_IN_ROLES[key].permissions],
    memberCount: memberCounts.find((row) => row.role === key)?._count._all ?? 0,
    teamCount: teamCounts.find((row) => row.role === key)?._count._all ?? 0,
  }));
  return [
    ...builtIn,
    ...custom.map((role) => ({ ...customRoleView(role), builtIn: false, memberCount: role._count.memberships, teamCount: role._count.teams })),
  ];
}
