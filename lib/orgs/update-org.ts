import { z } from "zod";
import { recordAudit, type RequestContext } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/is-unique-violation";
import { ConflictError, parseInput } from "@/lib/errors/domain-errors";
import { auditActor } from "./audit-actor";
import { ensureCan, type OrgContext } from "./org-context";
import { orgName, orgSlug } from "./org-slug";

const browserOrigin = z
  .string()
  .trim()
  .regex(/^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/i, "An origin is a scheme and host with an optional port, like https://app.example.com.")
  .transform((origin) => origin.toLowerCase());

export const updateOrgInput = z.object({
  name: orgName,
  slug: orgSlug,
  requireMfa: z.boolean(),
  /** Browser origins allowed to call the org's API (CORS); absent keeps the current list. */
  corsOrigins: z.array(browserOrigin).max(20, "List at most 20 origins.").optional(),
});

/** Renames the org, changes its URL name or its require-MFA rule; the audit event keeps before and after. */
export async function updateOrg(db: Db, ctx: OrgContext, raw: unknown, context: RequestContext) {
  ensureCan(ctx, "settings:write");
  const parsedData = parseInput(updateOrgInput, raw);
  const before = { name: ctx.org.name, slug: ctx.org.slug, requireMfa: ctx.org.requireMfa, corsOrigins: ctx.org.corsOrigins };
  const after = { ...parsedData, corsOrigins: parsedData.corsOrigins ?? ctx.org.corsOrigins };
  try {
    return await db.$transaction(async (tx) => {
      const org = await tx.org.update({ where: { id: ctx.org.id }, data: after });
      await recordAudit(tx, {
        action: "org.update",
        actor: auditActor(ctx),
        orgId: org.id,
        target: { type: "org", id: org.id, label: org.name },
        detail: { before, after },
        context,
      });
      return org;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError("That URL name is taken; choose another.", "slug");
    throw error;
  }
}
