import { z } from "zod";
import { ensureSeatAvailable } from "@/lib/billing/ensure-seat-available";
import type { Db } from "@/lib/db/client";
import { parseInput } from "@/lib/errors/domain-errors";
import type { HttpContext } from "@/lib/http/request-context";
import { ensureCan, type OrgContext } from "@/lib/orgs/org-context";
import { inviteLink, LINK_INVITE_DEFAULTS, LINK_INVITE_LIMITS } from "./invite-status";
import { storeInvite } from "./store-invite";

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
  const parsedData = parseInput(createLinkInviteInput, raw, "role");
  const { expiresInDays, maxUses } = parsedData;
  const { invite, token } = await db.$transaction(async (tx) => {
    await ensureSeatAvailable(tx, ctx.org);
    return storeInvite(tx, ctx, { kind: "link", email: null, role: parsedData.role, expiresInDays, maxUses }, context);
  });
  return { invite, link: inviteLink(context.origin, token) };
}
