import type { Membership, Org, Role, User } from "@/generated/prisma/client";
import type { Db } from "@/lib/db/client";
import type { Tx } from "@/lib/db/transaction";
import { ForbiddenError, NotFoundError } from "@/lib/errors/domain-errors";
import { effectivePermissions, type AccessGrant, type RoleRef } from "@/lib/rbac/effective-permissions";
import type { Permission } from "@/lib/rbac/permissions";
import { isBuiltInRoleKey } from "@/lib/rbac/roles";

/** Who is acting in which org, with what they may do. Every org-scoped use case takes one. */
export type OrgContext = {
  org: Org;
  user: Pick<User, "id" | "email" | "name" | "jobTitle">;
  membership: Membership;
  grants: AccessGrant[];
  permissions: Set<Permission>;
  /** Set when an API key acts: its permissions are the key's scopes within its creator's (whose user this is). */
  apiKey?: { id: string; name: string };
};

type RoleColumns = { role: string | null; customRole: Pick<Role, "id" | "name" | "permissions"> | null };

/** A row's role columns as a RoleRef; null when it grants none (a team without a role). */
export function roleRefOf(row: RoleColumns): RoleRef | null {
  if (row.customRole) return { kind: "custom", id: row.customRole.id, name: row.customRole.name, permissions: row.customRole.permissions };
  if (row.role && isBuiltInRoleKey(row.role)) return { kind: "builtin", key: row.role };
  return null;
}

const GRANT_INCLUDE = { customRole: true, teams: { include: { team: { include: { customRole: true } } } } } as const;

type MembershipWithGrants = RoleColumns & { teams: { team: RoleColumns & { id: string; name: string } }[] };

function grantsOf(membership: MembershipWithGrants): AccessGrant[] {
  const grants: AccessGrant[] = [];
  const direct = roleRefOf(membership);
  if (direct) grants.push({ role: direct, via: { kind: "direct" } });
  for (const { team } of membership.teams) {
    const role = roleRefOf(team);
    if (role) grants.push({ role, via: { kind: "team", teamId: team.id, teamName: team.name } });
  }
  return grants;
}

/** A member's grants: their direct role plus the role of every team they are in. */
export async function loadGrants(db: Db | Tx, membershipId: string): Promise<AccessGrant[]> {
  return grantsOf(await db.membership.findUniqueOrThrow({ where: { id: membershipId }, include: GRANT_INCLUDE }));
}

/**
 * The org behind a slug, as seen by `userId`, in one read (every page and API
 * call starts here). An unknown or deleted org and one the user does not
 * belong to look the same: not found.
 */
export async function loadOrgContext(db: Db, slug: string, userId: string): Promise<OrgContext> {
  const found = await db.membership.findFirst({
    where: { userId, org: { slug, deletedAt: null } },
    include: { org: true, user: { select: { id: true, email: true, name: true, jobTitle: true } }, ...GRANT_INCLUDE },
  });
  if (!found) throw new NotFoundError("Organisation");
  const { org, user, customRole, teams, ...membership } = found;
  const grants = grantsOf({ ...membership, customRole, teams });
  return { org, user, membership, grants, permissions: effectivePermissions(grants) };
}

/** The one permission check: `can(ctx, "members:write")`. */
export function can(ctx: Pick<OrgContext, "permissions">, permission: Permission): boolean {
  return ctx.permissions.has(permission);
}

export function ensureCan(ctx: Pick<OrgContext, "permissions">, permission: Permission): void {
  if (!can(ctx, permission)) throw new ForbiddenError(`You need the ${permission} permission to do that.`);
}

export const NO_ESCALATION = "You cannot grant permissions you do not have.";

/**
 * Granting a role (defining it, giving it to a member, a team or an invite,
 * adding someone to such a team) needs every permission it grants: no one
 * hands out more than they hold.
 */
export function ensureCanGrant(ctx: Pick<OrgContext, "permissions">, permissions: Iterable<Permission>): void {
  for (const permission of permissions) if (!ctx.permissions.has(permission)) throw new ForbiddenError(NO_ESCALATION);
}
