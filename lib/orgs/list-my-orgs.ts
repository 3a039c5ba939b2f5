import type { Db } from "@/lib/db/client";

/** The organisations the user belongs to, by name. */
export async function listMyOrgs(db: Db, userId: string) {
  const memberships = await db.membership.findMany({
    where: { userId, org: { deletedAt: null } },
    include: { org: { select: { id: true, slug: true, name: true, tier: true, status: true } }, customRole: { select: { name: true } } },
    orderBy: { org: { name: "asc" } },
  });
  return memberships.map((m) => ({ ...m.org, roleName: m.customRole?.name ?? m.role ?? "" }));
}
