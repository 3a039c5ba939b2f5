import { hashToken } from "@/lib/auth/user-tokens";
import type { Db } from "@/lib/db/client";
import type { Tx } from "@/lib/db/transaction";
import { roleRefOf } from "@/lib/orgs/org-context";
import { roleName } from "@/lib/rbac/effective-permissions";
import { inviteStatus, unavailableReason, type InviteUnavailableReason } from "./invite-status";

export type InviteDescription =
  { status: "valid"; orgName: string; orgSlug: string; roleName: string; inviterName: string; email: string | null } | { status: InviteUnavailableReason };

/** Longer than any token we issue (43 characters); anything longer is not worth hashing. */
const MAX_TOKEN_LENGTH = 256;

/** The invite behind a raw token with what the accept flow needs, or null when no such invite exists. */
export async function findInviteByToken(db: Db | Tx, token: unknown) {
  if (typeof token !== "string" || token.length === 0 || token.length > MAX_TOKEN_LENGTH) return null;
  return db.invite.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { org: true, customRole: { select: { id: true, name: true, permissions: true } }, createdBy: { select: { name: true } } },
  });
}

/**
 * What the public accept page shows for a token: who invites to which org as
 * what, or why the invite cannot be used. Never throws for a bad token.
 */
export async function describeInvite(db: Db, token: unknown): Promise<InviteDescription> {
  const invite = await findInviteByToken(db, token);
  if (!invite) return { status: "unknown" };
  if (invite.org.deletedAt) return { status: "org_deleted" };
  const status = inviteStatus(invite);
  if (status !== "active") return { status: unavailableReason(status) };
  const ref = roleRefOf(invite);
  return {
    status: "valid",
    orgName: invite.org.name,
    orgSlug: invite.org.slug,
    roleName: ref ? roleName(ref) : "—",
    inviterName: invite.createdBy.name,
    email: invite.kind === "email" ? invite.email : null,
  };
}
