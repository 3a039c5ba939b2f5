import { z } from "zod";
import { normaliseEmail } from "@/lib/auth/login-rules";
import { ensureSeatAvailable } from "@/lib/billing/ensure-seat-available";
import type { Db } from "@/lib/db/client";
import { ConflictError, parseInput } from "@/lib/errors/domain-errors";
import type { HttpContext } from "@/lib/http/request-context";
import { deliverEmail, queueEmail } from "@/lib/mail/send-email";
import { ensureCan, type OrgContext } from "@/lib/orgs/org-context";
import { EMAIL_INVITE_DAYS, inviteLink } from "./invite-status";
import { storeInvite } from "./store-invite";

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
  const input = parseInput(createEmailInviteInput, raw, "email");
  const email = normaliseEmail(input.email);
  const { invite, emailId, link } = await db.$transaction(async (tx) => {
    const member = await tx.membership.findFirst({ where: { orgId: ctx.org.id, user: { email } }, select: { id: true } });
    if (member) throw new ConflictError("That person is already a member of this organisation.", "email");
    await ensureSeatAvailable(tx, ctx.org, { reservePending: true });
    const stored = await storeInvite(tx, ctx, { kind: "email", email, role: input.role, expiresInDays: EMAIL_INVITE_DAYS, maxUses: 1 }, context);
    const link = inviteLink(context.origin, stored.token);
    const invite = stored.invite;
    const emailId = await queueEmail(tx, {
      to: email,
      subject: `${ctx.user.name} invited you to ${ctx.org.name} on Cordon`,
      text:
        `${ctx.user.name} (${ctx.user.email}) invited you to join ${ctx.org.name} on Cordon as ${stored.roleName}.\n\n` +
        `Accept the invite:\n${link}\n\n` +
        `The link works once, for ${EMAIL_INVITE_DAYS} days. If you were not expecting this, you can ignore this email.`,
    });
    return { invite, emailId, link };
  });
  await deliverEmail(db, emailId);
  return { invite, link };
}
