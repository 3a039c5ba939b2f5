import type { Db } from "@/lib/db/client";
import { isUuid } from "@/lib/db/is-uuid";
import { NotFoundError, ValidationError } from "@/lib/errors/domain-errors";
import { explainPermission } from "@/lib/rbac/effective-permissions";
import { isPermission } from "@/lib/rbac/permissions";
import { ensureCan, loadGrants, type OrgContext } from "./org-context";

/** Whether a member has a permission, and through which role or team. */
export async function checkAccess(db: Db, ctx: OrgContext, membershipId: string, permission: string) {
  ensureCan(ctx, "roles:read");
  if (!isPermission(permission)) throw new ValidationError("Choose a permission from the catalogue.", "permission");
  const member = !isUuid(membershipId)
    ? null
    : await db.membership.findFirst({ where: { id: membershipId, orgId: ctx.org.id }, include: { user: { select: { name: true, email: true } } } });
  if (!member) throw new NotFoundError("Member");
  return { member: member.user, permission, ...explainPermission(await loadGrants(db, member.id), permission) };
}
