import type { Db } from "@/lib/db/client";
import { createOrg } from "@/lib/orgs/create-org";
import { loadOrgContext } from "@/lib/orgs/org-context";
import { createUser, testContext } from "./identity";

/** An org with an Admin (its creator), plus helpers to add members with a role and load anyone's context. */
export async function orgWithAdmin(db: Db, name = `Org ${Math.random().toString(36).slice(2, 8)}`) {
  const admin = await createUser(db);
  const org = await createOrg(db, { userId: admin.id, email: admin.email }, { name }, testContext());
  const context = (userId: string) => loadOrgContext(db, org.slug, userId);
  const addMember = async (role: string) => {
    const user = await createUser(db);
    const membership = await db.membership.create({ data: { orgId: org.id, userId: user.id, role } });
    return { user, membership, ctx: () => context(user.id) };
  };
  return { org, admin, adminCtx: () => context(admin.id), addMember, context };
}
