import { isUuid } from "@/lib/db/is-uuid";
import type { Tx } from "@/lib/db/transaction";
import { ValidationError } from "@/lib/errors/domain-errors";
import type { RoleRef } from "@/lib/rbac/effective-permissions";
import { isBuiltInRoleKey } from "@/lib/rbac/roles";

/** How a role travels through forms and the API: `admin`, `viewer`, … or `custom:<role id>`. */
export type RoleColumnsValue = { role: string | null; customRoleId: string | null; ref: RoleRef };

/** Turns a role choice into the columns to store, checking that a custom role belongs to this org. */
export async function resolveRoleChoice(tx: Tx, orgId: string, value: string): Promise<RoleColumnsValue> {
  if (isBuiltInRoleKey(value)) return { role: value, customRoleId: null, ref: { kind: "builtin", key: value } };
  const id = value.startsWith("custom:") ? value.slice("custom:".length) : "";
  const custom = isUuid(id) ? await tx.role.findFirst({ where: { id, orgId } }) : null;
  if (!custom) throw new ValidationError("Choose one of this organisation's roles.", "role");
  return { role: null, customRoleId: custom.id, ref: { kind: "custom", id: custom.id, name: custom.name, permissions: custom.permissions } };
}

export function roleChoiceValue(ref: RoleRef): string {
  return ref.kind === "builtin" ? ref.key : `custom:${ref.id}`;
}
