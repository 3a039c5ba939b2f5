import { recordAudit, type RequestContext } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db/client";
import { ConflictError } from "@/lib/errors/domain-errors";
import { auditActor } from "@/lib/orgs/audit-actor";
import { ensureCan, type OrgContext } from "@/lib/orgs/org-context";
import { getServiceOrThrow } from "./get-service-or-throw";
import { toServiceView, type ServiceView } from "./service-view";

/** Ends a rotation's overlap now: from the next request on, only the current secret signs. */
export async function retirePreviousSecret(db: Db, ctx: OrgContext, serviceId: string, context: RequestContext): Promise<ServiceView> {
  ensureCan(ctx, "services:write");
  const service = await db.$transaction(async (tx) => {
    const current = await getServiceOrThrow(tx, ctx.org.id, serviceId);
    if (!current.previousSecretSealed) throw new ConflictError("There is no previous secret to retire.");
    const updated = await tx.service.update({ where: { id: current.id }, data: { previousSecretSealed: null, previousSecretExpiresAt: null } });
    await recordAudit(tx, {
      action: "service.secret.retire",
      actor: auditActor(ctx),
      orgId: ctx.org.id,
      target: { type: "service", id: current.id, label: current.name },
      detail: { previousSecretExpiresAt: current.previousSecretExpiresAt?.toISOString() ?? null },
      context,
    });
    return updated;
  });
  return toServiceView(service);
}
