import type { Db } from "@/lib/db/client";
import { ForbiddenError, NotFoundError } from "@/lib/errors/domain-errors";
import type { Permission } from "@/lib/rbac/permissions";
import { ensureOrgMfa } from "@/lib/orgs/ensure-org-mfa";
import { loadOrgContext, type OrgContext } from "@/lib/orgs/org-context";
import type { Principal } from "./principal";

/**
 * Org validation for an API call: the slug names a live org the caller
 * belongs to (an unknown org and someone else's look the same: 404), and the
 * org's require-MFA rule holds for users. An API key works only in its own
 * org and acts as its creator, narrowed to its scopes: a key never outlives
 * or outranks the person who made it.
 */
export async function loadApiOrgContext(db: Db, slug: string, principal: Principal): Promise<OrgContext> {
  if (principal.kind === "user") {
    const ctx = await loadOrgContext(db, slug, principal.userId);
    await ensureOrgMfa(db, ctx);
    return ctx;
  }
  const org = await db.org.findFirst({ where: { slug, deletedAt: null }, select: { id: true } });
  if (!org || org.id !== principal.orgId) throw new NotFoundError("Organisation");
  if (!principal.createdById) throw new ForbiddenError("This API key's creator has left; create a new key.");
  let creator: OrgContext;
  try {
    creator = await loadOrgContext(db, slug, principal.createdById);
  } catch (error) {
    if (error instanceof NotFoundError) throw new ForbiddenError("This API key's creator is no longer a member; create a new key.");
    throw error;
  }
  const permissions = new Set(principal.scopes.filter((scope): scope is Permission => creator.permissions.has(scope as Permission)));
  return { ...creator, permissions, apiKey: { id: principal.keyId, name: principal.keyName } };
}
