import type { Db } from "@/lib/db/client";
import { teamRole } from "./get-team";
import { ensureCan, type OrgContext } from "./org-context";

export type TeamRow = { id: string; name: string; description: string; roleValue: string | null; roleName: string | null; memberCount: number };

/** The org's teams by name, with the role each grants and how many members it has. */
export async function listTeams(db: Db, ctx: OrgContext): Promise<TeamRow[]> {
  ensureCan(ctx, "teams:read");
  const teams = await db.team.findMany({
    where: { orgId: ctx.org.id },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    include: { customRole: { select: { id: true, name: true, permissions: true } }, _count: { select: { members: true } } },
  });
  return teams.map((team) => ({ id: team.id, name: team.name, description: team.description, ...teamRole(team), memberCount: team._count.members }));
}
