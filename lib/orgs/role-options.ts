import type { Db } from "@/lib/db/client";
import { BUILT_IN_ROLES, ROLE_ORDER } from "@/lib/rbac/roles";
import type { OrgContext } from "./org-context";

/** Every role a member, team or invite can be given in this org, as form options. */
export async function roleOptions(db: Db, ctx: Pick<OrgContext, "org">): Promise<{ value: string; label: string }[]> {
  const custom = await db.role.findMany({ where: { orgId: ctx.org.id }, orderBy: { name: "asc" }, select: { id: true, name: true } });
  return [
    ...ROLE_ORDER.map((key) => ({ value: key, label: BUILT_IN_ROLES[key].name })),
    ...custom.map((role) => ({ value: `custom:${role.id}`, label: role.name })),
  ];
}
