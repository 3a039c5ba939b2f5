import type { InviteKind } from "@/generated/prisma/client";
import type { Db } from "@/lib/db/client";
import { ensureCan, roleRefOf, type OrgContext } from "@/lib/orgs/org-context";
import { roleName } from "@/lib/rbac/effective-permissions";
import { inviteStatus, type InviteStatus } from "./invite-status";

export type InviteRow = {
  id: string;
  kind: InviteKind;
  /** Email invites only. */
  email: string | null;
  status: InviteStatus;
  roleValue: string;
  roleName: string;
  createdByEmail: string;
  createdByName: string;
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  usedCount: number;
  maxUses: number;
};

/** Every invite of the org, newest first, with its status as of now. */
export async function listInvites(db: Db, ctx: OrgContext): Promise<InviteRow[]> {
  ensureCan(ctx, "invites:read");
  const now = new Date();
  const invites = await db.invite.findMany({
    where: { orgId: ctx.org.id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    include: { customRole: { select: { id: true, name: true, permissions: true } }, createdBy: { select: { email: true, name: true } } },
  });
  return invites.map((invite) => {
    const ref = roleRefOf(invite);
    return {
      id: invite.id,
      kind: invite.kind,
      email: invite.email,
      status: inviteStatus(invite, now),
      roleValue: invite.customRoleId ? `custom:${invite.customRoleId}` : (invite.role ?? ""),
      roleName: ref ? roleName(ref) : "—",
      createdByEmail: invite.createdBy.email,
      createdByName: invite.createdBy.name,
      createdAt: invite.createdAt,
      expiresAt: invite.expiresAt,
      revokedAt: invite.revokedAt,
      usedCount: invite.usedCount,
      maxUses: invite.maxUses,
    };
  });
}
