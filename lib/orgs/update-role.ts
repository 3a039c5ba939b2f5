import { z } from "zod";
import { recordAudit, type RequestContext } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/is-unique-violation";
import { isUuid } from "@/lib/db/is-uuid";
import { ConflictError, NotFoundError, parseInput } from "@/lib/errors/domain-errors";
import { DUPLICATE_ROLE, customRoleView, ensureRoleNameFree, parseRoleName, parseRolePermissions, roleDescription } from "./create-role";
import { auditActor } from "./audit-actor";
import { ensureCan, ensureCanGrant, type OrgContext } from "./org-context";

/** Every field is optional: what is left out stays as it is. */
export const updateRoleInput = z.object({ name: z.unknown().optional(), description: roleDescription.optional(), permissions: z.unknown().optional() });

/**
 * Renames a custom role, or changes its description or permissions. Permissions it
 * gains must be ones the actor holds; those it keeps or loses need not be.
 */
export async function updateRole(db: Db, ctx: OrgContext, roleId: string, raw: unknown, context: RequestContext) {
  ensureCan(ctx, "roles:write");
  const input = parseInput(updateRoleInput, raw ?? {}, "name");
  try {
    return await db.$transaction(async (tx) => {
      const existing = isUuid(roleId) ? await tx.role.findFirst({ where: { id: roleId, orgId: ctx.org.id } }) : null;
      if (!existing) throw new NotFoundError("Role");
      const before = customRoleView(existing);
      const name = input.name === undefined ? existing.name : parseRoleName(input.name);
      const description = input.description ?? existing.description;
      const permissions = input.permissions === undefined ? before.permissions : parseRolePermissions(input.permissions);
      ensureCanGrant(
        ctx,
        permissions.filter((p) => !before.permissions.includes(p)),
      );
      if (name !== existing.name) await ensureRoleNameFree(tx, ctx.org.id, name, existing.id);
      const role = await tx.role.update({ where: { id: existing.id }, data: { name, description, permissions } });
      await recordAudit(tx, {
        action: "role.update",
        actor: auditActor(ctx),
        orgId: ctx.org.id,
        target: { type: "role", id: role.id, label: role.name },
        detail: {
          before: { name: before.name, description: before.description, permissions: before.permissions },
          after: { name: role.name, description: role.description, permissions },
        },
        context,
      });
      return customRoleView(role);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError(DUPLICATE_ROLE, "name");
    throw error;
  }
}
