import { randomBytes } from "node:crypto";
import type { InviteKind } from "@/generated/prisma/client";
import { recordAudit, type RequestContext } from "@/lib/audit/record-audit";
import { hashToken } from "@/lib/auth/user-tokens";
import type { Tx } from "@/lib/db/transaction";
import { auditActor } from "@/lib/orgs/audit-actor";
import { ensureCanGrant, type OrgContext } from "@/lib/orgs/org-context";
import { resolveRoleChoice } from "@/lib/orgs/role-choice";
import { roleName, rolePermissions } from "@/lib/rbac/effective-permissions";
import { inviteExpiry } from "./invite-status";

export type NewInvite = { kind: InviteKind; email: string | null; role: string; expiresInDays: number; maxUses: number };

/**
 * Stores an invite for a role the inviter may grant, and audits it. The raw
 * token is returned to build the link once; only its hash is stored.
 */
export async function storeInvite(tx: Tx, ctx: OrgContext, input: NewInvite, context: RequestContext) {
  const role = await resolveRoleChoice(tx, ctx.org.id, input.role);
  ensureCanGrant(ctx, rolePermissions(role.ref));
  const token = randomBytes(32).toString("base64url");
  const invite = await tx.invite.create({
    data: {
      orgId: ctx.org.id,
      kind: input.kind,
      email: input.email,
      tokenHash: hashToken(token),
      role: role.role,
      customRoleId: role.customRoleId,
      expiresAt: inviteExpiry(input.expiresInDays),
      maxUses: input.maxUses,
      createdById: ctx.user.id,
    },
    omit: { tokenHash: true },
  });
  await recordAudit(tx, {
    action: "invite.create",
    actor: auditActor(ctx),
    orgId: ctx.org.id,
    target: { type: "invite", id: invite.id, label: input.email ?? "Invite link" },
    detail: {
      kind: input.kind,
      ...(input.email ? { email: input.email } : {}),
      role: roleName(role.ref),
      expiresAt: invite.expiresAt.toISOString(),
      maxUses: input.maxUses,
    },
    context,
  });
  return { invite, token, roleName: roleName(role.ref) };
}
