import { z } from "zod";
import type { Role } from "@/generated/prisma/client";
import { recordAudit, type RequestContext } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/is-unique-violation";
import type { Tx } from "@/lib/db/transaction";
import { ConflictError, parseInput, ValidationError } from "@/lib/errors/domain-errors";
import { rolePermissions } from "@/lib/rbac/effective-permissions";
import type { Permission } from "@/lib/rbac/permissions";
import { validateRoleName, validateRolePermissions } from "@/lib/rbac/validate-role-permissions";
import { auditActor } from "./audit-actor";
import { ensureCan, ensureCanGrant, type OrgContext } from "./org-context";

export const DUPLICATE_ROLE = "A role with that name already exists.";

export const roleDescription = z.string().trim().max(200, "Keep the description to 200 characters or fewer.");

export const createRoleInput = z.object({ name: z.unknown(), description: roleDescription.optional().default(""), permissions: z.unknown() });

export function parseRoleName(value: unknown): string {
  const result = validateRoleName(value);
  if (!result.ok) throw new ValidationError(result.error, "name");
  return result.name;
}

export function parseRolePermissions(value: unknown): Permission[] {
  const result = validateRolePermissions(value);
  if (!result.ok) throw new ValidationError(result.error, "permissions");
  return result.permissions;
}

/** Role names are unique per org, ignoring case ("Ops" and "ops" would be indistinguishable in a picker). */
export async function ensureRoleNameFree(tx: Tx, orgId: string, name: string, exceptId?: string): Promise<void> {
  const clash = await tx.role.findFirst({
    where: { orgId, name: { equals: name, mode: "insensitive" }, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true },
  });
  if (clash) throw new ConflictError(DUPLICATE_ROLE, "name");
}

export function customRoleView(role: Pick<Role, "id" | "name" | "description" | "permissions">) {
  return {
    id: role.id,
    value: `custom:${role.id}`,
    name: role.name,
    description: role.description,
    permissions: rolePermissions({ kind: "custom", id: role.id, name: role.name, permissions: role.permissions }),
  };
}

/** Creates a custom role from any subset of the catalogue the actor holds themself. */
export async function createRole(db: Db, ctx: OrgContext, raw: unknown, context: RequestContext) {
  ensureCan(ctx, "roles:write");
  const input = parseInput(createRoleInput, raw ?? {}, "name");
  const name = parseRoleName(input.name);
  const permissions = parseRolePermissions(input.permissions);
  ensureCanGrant(ctx, permissions);
  try {
    return await db.$transaction(async (tx) => {
      await ensureRoleNameFree(tx, ctx.org.id, name);
      const role = await tx.role.create({ data: { orgId: ctx.org.id, name, description: input.description, permissions } });
      await recordAudit(tx, {
        action: "role.create",
        actor: auditActor(ctx),
        orgId: ctx.org.id,
        target: { type: "role", id: role.id, label: role.name },
        detail: { name: role.name, description: role.description, permissions },
        context,
      });
      return customRoleView(role);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError(DUPLICATE_ROLE, "name");
    throw error;
  }
}
