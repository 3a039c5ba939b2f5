import { userMfaMethods } from "@/lib/auth/user-mfa";
import type { Db } from "@/lib/db/client";
import { ForbiddenError } from "@/lib/errors/domain-errors";
import type { OrgContext } from "./org-context";

export const ORG_REQUIRES_MFA = "This organisation requires two-factor authentication: set up an authenticator app or a passkey first.";

/** Whether the org requires MFA and this member has no second factor. */
export async function orgMfaMissing(db: Db, ctx: Pick<OrgContext, "org" | "user">): Promise<boolean> {
  return ctx.org.requireMfa && !(await userMfaMethods(db, ctx.user.id)).hasMfa;
}

/** An org that requires MFA admits only members who have a second factor, in the console and the API alike. */
export async function ensureOrgMfa(db: Db, ctx: Pick<OrgContext, "org" | "user">): Promise<void> {
  if (await orgMfaMissing(db, ctx)) throw new ForbiddenError(ORG_REQUIRES_MFA);
}
