import { recordAudit } from "@/lib/audit/record-audit";
import { ensureSeatAvailable } from "@/lib/billing/ensure-seat-available";
import type { Db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/is-unique-violation";
import { ForbiddenError } from "@/lib/errors/domain-errors";
import type { HttpContext } from "@/lib/http/request-context";
import { roleRefOf } from "@/lib/orgs/org-context";
import { roleName } from "@/lib/rbac/effective-permissions";
import { findInviteByToken } from "./describe-invite";
import { InviteUnavailableError, inviteStatus, sameEmail, unavailableReason, WRONG_EMAIL } from "./invite-status";

export type InviteAcceptor = { userId: string; email: string };

export type AcceptInviteResult = { orgSlug: string; alreadyMember: boolean };

/**
 * Joins the invite's org with the invite's role. Unusable invites fail with
 * an InviteUnavailableError naming why; an email invite works only for the
 * user it was sent to. A user who is already a member is told so and nothing
 * changes. Uses are counted with a conditional update, so concurrent accepts
 * never exceed the invite's maximum.
 */
export async function acceptInvite(db: Db, token: unknown, user: InviteAcceptor, context: HttpContext): Promise<AcceptInviteResult> {
  let orgSlug: string | undefined;
  try {
    return await db.$transaction(async (tx) => {
      const invite = await findInviteByToken(tx, token);
      if (!invite) throw new InviteUnavailableError("unknown");
      if (invite.org.deletedAt) throw new InviteUnavailableError("org_deleted");
      orgSlug = invite.org.slug;
      const now = new Date();
      const status = inviteStatus(invite, now);
      if (status !== "active") throw new InviteUnavailableError(unavailableReason(status));
      if (invite.kind === "email" && !(invite.email && sameEmail(invite.email, user.email))) throw new ForbiddenError(WRONG_EMAIL);

      const existing = await tx.membership.findUnique({ where: { orgId_userId: { orgId: invite.orgId, userId: user.userId } }, select: { id: true } });
      if (existing) return { orgSlug: invite.org.slug, alreadyMember: true };
      await ensureSeatAvailable(tx, { id: invite.orgId });

      // The row lock makes concurrent accepts queue here; each re-checks the condition after the one before commits.
      const { count } = await tx.invite.updateMany({
        where: { id: invite.id, revokedAt: null, expiresAt: { gt: now }, usedCount: { lt: tx.invite.fields.maxUses } },
        data: { usedCount: { increment: 1 } },
      });
      if (count === 0) {
        const current = await tx.invite.findUniqueOrThrow({ where: { id: invite.id } });
        const after = inviteStatus(current, now);
        throw new InviteUnavailableError(after === "active" ? "used_up" : unavailableReason(after));
      }

      const ref = roleRefOf(invite);
      const membership = await tx.membership.create({
        data: { orgId: invite.orgId, userId: user.userId, role: invite.role, customRoleId: invite.customRoleId },
      });
      const actor = { type: "user" as const, id: user.userId, label: user.email };
      const role = ref ? roleName(ref) : null;
      await recordAudit(tx, {
        action: "invite.accept",
        actor,
        orgId: invite.orgId,
        target: { type: "invite", id: invite.id, label: invite.email ?? "Invite link" },
        detail: { kind: invite.kind, role, maxUses: invite.maxUses },
        context,
      });
      await recordAudit(tx, {
        action: "member.join",
        actor,
        orgId: invite.orgId,
        target: { type: "member", id: membership.id, label: user.email },
        detail: { role, via: "invite", inviteId: invite.id },
        context,
      });
      return { orgSlug: invite.org.slug, alreadyMember: false };
    });
  } catch (error) {
    // The same user accepting twice at once: the other request made the membership, and this one's use was rolled back.
    if (isUniqueViolation(error) && orgSlug) return { orgSlug, alreadyMember: true };
    throw error;
  }
}
