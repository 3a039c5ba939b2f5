import { randomBytes } from "node:crypto";
import { z } from "zod";
import { rolePermissions } from "@/lib/rbac/effective-permissions";
import { recordAudit } from "@/lib/audit/record-audit";
import { normaliseEmail } from "@/lib/auth/login-rules";
import { hashToken } from "@/lib/auth/user-tokens";
import type { Db } from "@/lib/db/client";
import { ConflictError, ValidationError } from "@/lib/errors/domain-errors";
import type { HttpContext } from "@/lib/http/request-context";
import { deliverEmail, queueEmail } from "@/lib/mail/send-email";
import { auditActor } from "@/lib/orgs/audit-actor";
import { ensureCan, ensureCanGrant, type OrgContext } from "@/lib/orgs/org-context";
import { resolveRoleChoice } from "@/lib/orgs/role-choice";
import { roleName } from "@/lib/rbac/effective-permissions";
import { EMAIL_INVITE_DAYS, inviteExpiry, inviteLink } from "./invite-status";

export const createEmailInviteInput = z.object({
  email: z.string({ error: "Enter a valid email address." }).trim().max(254, "That email address is too long.").pipe(z.email("Enter a valid email address.")),
  role: z.string({ error: "Choose a role." }).trim().min(1, "Choose a role."),
});

export type CreateEmailInviteInput = z.input<typeof createEmailInviteInput>;

/**
 * Invites one person by email: a single-use link valid for 7 days, for a role
 * whose permissions the inviter all holds. The link is emailed and returned
 * (shown once); only its hash is stored.
 */
export async function createEmailInvite(db: Db, ctx: OrgContext, raw: CreateEmailInviteInput, context: HttpContext) {
  ensureCan(ctx, "invites:write");
  const parsed = createEmailInviteInput.safeParse(raw);
  if (!parsed.success) throw new ValidationError(parsed.error.issues[0].message, String(parsed.error.issues[0].path[0] ?? "email"));
  const email = normaliseEmail(parsed.data.email);
  const token = randomBytes(32).toString("base64url");
  const link = inviteLink(context.origin, token);

  const { invite, emailId } = await db.$transaction(async (tx) => {
    const role = await resolveRoleChoice(tx, ctx.org.id, parsed.data.role);
    ensureCanGrant(ctx, rolePermissions(role.ref));
    const member = await tx.membership.findFirst({ where: { orgId: ctx.org.id, user: { email } }, select: { id: true } });
    if (member) throw new ConflictError("That person is already a member of this organisation.", "email");
    const invite = await tx.invite.create({
      data: {
        orgId: ctx.org.id,
        kind: "email",
        email,
        tokenHash: hashToken(token),
        role: role.role,
        customRoleId: role.customRoleId,
        expiresAt: inviteExpiry(EMAIL_INVITE_DAYS),
        maxUses: 1,
        createdById: ctx.user.id,
      },
      omit: { tokenHash: true },
    });
    await recordAudit(tx, {
      action: "invite.create",
      actor: auditActor(ctx),
      orgId: ctx.org.id,
      target: { type: "invite", id: invite.id, label: email },
      detail: { kind: "email", email, role: roleName(role.ref), expiresAt: invite.expiresAt.toISOString(), maxUses: 1 },
      context,
    });
    const emailId = await queueEmail(tx, {
      to: email,
      subject: `${ctx.user.name} invited you to ${ctx.org.name} on Cordon`,
      text:
        `${ctx.user.name} (${ctx.user.email}) invited you to join ${ctx.org.name} on Cordon as ${roleName(role.ref)}.\n\n` +
        `Accept the invite:\n${link}\n\n` +
        `The link works once, for ${EMAIL_INVITE_DAYS} days. If you were not expecting this, you can ignore this email.`,
    });
    return { invite, emailId };
  });
  await deliverEmail(db, emailId);
  return { invite, link };
}
