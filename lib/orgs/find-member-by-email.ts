import type { Db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors/domain-errors";
import { normaliseEmail } from "@/lib/auth/login-rules";
import { ensureCan, type OrgContext } from "./org-context";

/** The membership of the org's member with this email (for "add by email" forms); not found otherwise. */
export async function findMemberByEmail(db: Db, ctx: OrgContext, email: string): Promise<string> {
  ensureCan(ctx, "members:read");
  const membership = await db.membership.findFirst({ where: { orgId: ctx.org.id, user: { email: normaliseEmail(email) } }, select: { id: true } });
  if (!membership) throw new NotFoundError(`A member with the email ${email.trim()}`);
  return membership.id;
}
