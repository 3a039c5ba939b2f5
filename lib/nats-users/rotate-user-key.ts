import type { Tx } from "@/lib/db/transaction";
import type { OperatorKeys } from "@/lib/nats/derive-keys";
import type { OrgContext } from "@/lib/orgs/org-context";
import type { UserState } from "./build-user-claims";
import { issueUserCreds } from "./issue-user-creds";
import { NATS_USER_INCLUDE, type NatsUserRow } from "./nats-user-view";
import { revokeUserKey } from "./revoke-user-key";

/**
 * Issues a locked user's credentials again on a new key, with `changes`
 * applied, and revokes the old key (never re-issued: a revoked key given a
 * newer JWT would connect again). Runs inside the caller's transaction; the
 * caller pushes the account afterwards so the old key is cut off.
 */
export async function rotateUserKey(
  tx: Tx,
  keys: OperatorKeys,
  ctx: Pick<OrgContext, "org">,
  user: NatsUserRow,
  changes: Partial<UserState & { description: string; expiresAt: Date | null }>,
): Promise<{ row: NatsUserRow; creds: string; previousKey: string }> {
  const next = { ...user, permissions: user.permissions as UserState["permissions"], ...changes };
  const issued = await issueUserCreds(keys, ctx.org, next);
  await revokeUserKey(tx, ctx.org.id, user.publicKey, user.expiresAt, issued.issuedAt);
  const row = await tx.natsUser.update({
    where: { id: user.id },
    data: { ...changes, publicKey: issued.publicKey, lastIssuedAt: issued.issuedAt },
    include: NATS_USER_INCLUDE,
  });
  return { row, creds: issued.creds, previousKey: user.publicKey };
}
