import { z } from "zod";
import { recordAudit, type RequestContext } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/is-unique-violation";
import type { Tx } from "@/lib/db/transaction";
import { ConflictError, parseInput } from "@/lib/errors/domain-errors";
import { roleName, rolePermissions } from "@/lib/rbac/effective-permissions";
import { auditActor } from "./audit-actor";
import { teamRole } from "./get-team";
import { ensureCan, ensureCanGrant, type OrgContext } from "./org-context";
import { resolveRoleChoice } from "./role-choice";

export const DUPLICATE_TEAM = "A team with that name already exists.";

export const teamName = z.string().trim().min(1, "Enter a team name.").max(60, "Keep the team name to 60 characters or fewer.");
export const teamDescription = z.string().trim().max(200, "Keep the description to 200 characters or fewer.");
/** A role value (`manager`, `custom:<id>`); empty means the team grants no role. */
export const teamRoleChoice = z.string().trim();

export const createTeamInput = z.object({ name: teamName, description: teamDescription.optional().default(""), role: teamRoleChoice.optional().default("") });

/** Team names are unique per org, ignoring case. */
export async function ensureTeamNameFree(tx: Tx, orgId: string, name: string, exceptId?: string): Promise<void> {
  const clash = await tx.team.findFirst({
    where: { orgId, name: { equals: name, mode: "insensitive" }, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true },
  });
  if (clash) throw new ConflictError(DUPLICATE_TEAM, "name");
}

/** The columns to store for a team's role choice; a role to grant must not exceed the actor's own permissions. */
export async function teamRoleColumns(tx: Tx, ctx: OrgContext, value: string) {
  if (!value) return { role: null, customRoleId: null, ref: null };
  const choice = await resolveRoleChoice(tx, ctx.org.id, value);
  ensureCanGrant(ctx, rolePermissions(choice.ref));
  return choice;
}

/** Creates a team, optionally granting its members a role. */
export async function createTeam(db: Db, ctx: OrgContext, raw: unknown, context: RequestContext) {
  ensureCan(ctx, "teams:write");
  const input = parseInput(createTeamInput, raw ?? {}, "name");
  const { name, description } = input;
  try {
    return await db.$transaction(async (tx) => {
      const role = await teamRoleColumns(tx, ctx, input.role);
      await ensureTeamNameFree(tx, ctx.org.id, name);
      const team = await tx.team.create({
        data: { orgId: ctx.org.id, name, description, role: role.role, customRoleId: role.customRoleId },
        include: { customRole: { select: { id: true, name: true, permissions: true } } },
      });
      await recordAudit(tx, {
        action: "team.create",
        actor: auditActor(ctx),
        orgId: ctx.org.id,
        target: { type: "team", id: team.id, label: team.name },
        detail: { name, description, role: role.ref ? roleName(role.ref) : null },
        context,
      });
      return { id: team.id, name: team.name, description: team.description, ...teamRole(team) };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError(DUPLICATE_TEAM, "name");
    throw error;
  }
}
