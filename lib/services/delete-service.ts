import { recordAudit, type RequestContext } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db/client";
import { auditActor } from "@/lib/orgs/audit-actor";
import { ensureCan, type OrgContext } from "@/lib/orgs/org-context";
import { getServiceOrThrow } from "./get-service-or-throw";

/** Removes a service; requests to its name are not found from then on. */
export async function deleteService(db: Db, ctx: OrgContext, serviceId: string, context: RequestContext): Promise<void> {
  ensureCan(ctx, "services:delete");
  await db.$transaction(async (tx) => {
    const service = await getServiceOrThrow(tx, ctx.org.id, serviceId);
    await tx.service.delete({ where: { id: service.id } });
    await recordAudit(tx, {
      action: "service.delete",
      actor: auditActor(ctx),
      orgId: ctx.org.id,
      target: { type: "service", id: service.id, label: service.name },
      detail: { name: service.name, baseUrl: service.baseUrl },
      context,
    });
  });
}
