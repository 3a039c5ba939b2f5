import { recordAudit, type RequestContext } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db/client";
import { ValidationError } from "@/lib/errors/domain-errors";
import { auditActor } from "./audit-actor";
import { ensureCan, type OrgContext } from "./org-context";

export const DELETE_GRACE_DAYS = 7;

/**
 * Deletes the org after the caller types its slug. It disappears for everyone
 * at once; its data is purged after the grace period.
 */
export async function deleteOrg(db: Db, ctx: OrgContext, confirmation: string, context: RequestContext) {
  ensureCan(ctx, "settings:delete");
  if (confirmation.trim() !== ctx.org.slug) throw new ValidationError(`Type ${ctx.org.slug} to confirm.`, "confirmation");
  const deletedAt = new Date();
  const purgeAfter = new Date(deletedAt.getTime() + DELETE_GRACE_DAYS * 24 * 60 * 60 * 1000);
  await db.$transaction(async (tx) => {
    await tx.org.update({ where: { id: ctx.org.id }, data: { deletedAt } });
    await tx.invite.updateMany({ where: { orgId: ctx.org.id, revokedAt: null }, data: { revokedAt: deletedAt } });
    await recordAudit(tx, {
      action: "org.delete",
      actor: auditActor(ctx),
      orgId: ctx.org.id,
      target: { type: "org", id: ctx.org.id, label: ctx.org.name },
      detail: { purgeAfter: purgeAfter.toISOString() },
      context,
    });
  });
  return { purgeAfter };
}
