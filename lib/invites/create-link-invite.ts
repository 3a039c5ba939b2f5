import { randomBytes } from "node:crypto";
import { z } from "zod";
import { rolePermissions } from "@/lib/rbac/effective-permissions";
import { recordAudit } from "@/lib/audit/record-audit";
import { hashToken } from "@/lib/auth/user-tokens";
import type { Db } from "@/lib/db/client";
import { ValidationError } from "@/lib/errors/domain-errors";
import type { HttpContext } from "@/lib/http/request-context";
import { auditActor } from "@/lib/orgs/audit-actor";
import { ensureCan, ensureCanGrant, type OrgContext } from "@/lib/orgs/org-context";
import { resolveRoleChoice } from "@/lib/orgs/role-choice";
import { roleName } from "@/lib/rbac/effective-permissions";
import { inviteExpiry, inviteLink, LINK_INVITE_DEFAULTS, LINK_INVITE_LIMITS } from "./invite-status";

/** Form fields arrive as strings; an empty one means "use the default". */
const blankToUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);

const { expiresInDays: DAYS, maxUses: USES } = LINK_INVITE_LIMITS;

export const createLinkInviteInput = z.object({
  role: z.string({ error: "Choose a role." }).trim().min(1, "Choose a role."),
  expiresInDays: z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: "Enter a number of days." })
      .int("Enter a whole number of days.")
      .min(DAYS.min, `A link lasts ${DAYS.min} to ${DAYS.max} days.`)
      .max(DAYS.max, `A link lasts ${DAYS.min} to ${DAYS.max} days.`)
      .default(LINK_INVITE_DEFAULTS.expiresInDays),
  ),
  maxUses: z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: "Enter a number of uses." })
      .int("Enter a whole number of uses.")
      .min(USES.min, `A link can be used ${USES.min} to ${USES.max} times.`)
      .max(USES.max, `A link can be used ${USES.min} to ${USES.max} times.`)
      .default(LINK_INVITE_DEFAULTS.maxUses),
  ),
});

export type CreateLinkInviteInput = { role: string; expiresInDays?: number | string; maxUses?: number | string };

/**
 * Creates a shareable invite link for a role whose permissions the inviter all
 * holds: anyone with the link may join until it expires (1–30 days, default 7)
 * or reaches its maximum uses (1–1000, default 25). The link is returned once;
 * only its hash is stored.
 */
export async function createLinkInvite(db: Db, ctx: OrgContext, raw: CreateLinkInviteInput, context: HttpContext) {
  ensureCan(ctx, "invites:write");
  const parsed = createLinkInviteInput.safeParse(raw);
  if (!parsed.success) throw new ValidationError(parsed.error.issues[0].message, String(parsed.error.issues[0].path[0] ?? "role"));
  const { expiresInDays, maxUses } = parsed.data;
  const token = randomBytes(32).toString("base64url");

  const invite = await db.$transaction(async (tx) => {
    const role = await resolveRoleChoice(tx, ctx.org.id, parsed.data.role);
    ensureCanGrant(ctx, rolePermissions(role.ref));
    const invite = await tx.invite.create({
      data: {
        orgId: ctx.org.id,
        kind: "link",
        email: null,
        tokenHash: hashToken(token),
        role: role.role,
        customRoleId: role.customRoleId,
        expiresAt: inviteExpiry(expiresInDays),
        maxUses,
        createdById: ctx.user.id,
      },
      omit: { tokenHash: true },
    });
    await recordAudit(tx, {
      action: "invite.create",
      actor: auditActor(ctx),
      orgId: ctx.org.id,
      target: { type: "invite", id: invite.id, label: "Invite link" },
      detail: { kind: "link", role: roleName(role.ref), expiresAt: invite.expiresAt.toISOString(), maxUses },
      context,
    });
    return invite;
  });
  return { invite, link: inviteLink(context.origin, token) };
}
