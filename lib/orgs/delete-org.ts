import type { Org } from "@/generated/prisma/client";
import { recordAudit, type AuditActor, type RequestContext } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db/client";
import { NotFoundError, ValidationError } from "@/lib/errors/domain-errors";
import { auditActor } from "./audit-actor";
import { ensureCan, type OrgContext } from "./org-context";

export const DELETE_GRACE_DAYS = 7;

/**
 * Deletes the org after the caller types its slug. It disappears for everyone
 * at once; its NATS account is removed after the grace period (purge-deleted-orgs).
 */
export async function deleteOrg(db: Db, ctx: OrgContext, confirmation: string, context: RequestContext) {
  ensureCan(ctx, "settings:delete");
  return softDeleteOrg(db, ctx.org, confirmation, auditActor(ctx), context);
}

/** The same deletion by an operator on the server (`cordon org delete`), who needs no membership. */
export async function deleteOrgByOperator(db: Db, slug: string, confirmation: string, actor: AuditActor) {
  const org = await db.org.findFirst({ where: { slug, deletedAt: null } });
  if (!org) throw new NotFoundError("Organisation");
  return softDeleteOrg(db, org, confirmation, actor, {});
}

async function softDeleteOrg(db: Db, org: Pick<Org, "id" | "slug" | "name">, confirmation: string, actor: AuditActor, context: RequestContext) {
  if (confirmation.trim() !== org.slug) throw new ValidationError(`Type ${org.slug} to confirm.`, "confirmation");
  const deletedAt = new Date();
  const purgeAfter = new Date(deletedAt.getTime() + DELETE_GRACE_DAYS * 24 * 60 * 60 * 1000);
  await db.$transaction(async (tx) => {
    await tx.org.update({ where: { id: org.id }, data: { deletedAt } });
    await tx.invite.updateMany({ where: { orgId: org.id, revokedAt: null }, data: { revokedAt: deletedAt } });
    await recordAudit(tx, {
      action: "org.delete",
      actor,
      orgId: org.id,
      target: { type: "org", id: org.id, label: org.name },
      detail: { purgeAfter: purgeAfter.toISOString() },
      context,
    });
  });
  return { purgeAfter };
}
