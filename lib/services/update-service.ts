import { z } from "zod";
import { recordAudit, type RequestContext } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db/client";
import { parseInput } from "@/lib/errors/domain-errors";
import { auditActor } from "@/lib/orgs/audit-actor";
import { ensureCan, type OrgContext } from "@/lib/orgs/org-context";
import { getServiceOrThrow } from "./get-service-or-throw";
import { ensureBaseUrlAllowed, serviceBaseUrl } from "./service-base-url";
import { toServiceView, type ServiceView } from "./service-view";

export const updateServiceInput = z.object({ baseUrl: serviceBaseUrl });

/** Points a service at a new base URL (the name is its API path, so it stays). */
export async function updateService(db: Db, ctx: OrgContext, serviceId: string, raw: unknown, context: RequestContext): Promise<ServiceView> {
  ensureCan(ctx, "services:write");
  const { baseUrl } = parseInput(updateServiceInput, raw ?? {}, "baseUrl");
  ensureBaseUrlAllowed(baseUrl);
  const service = await db.$transaction(async (tx) => {
    const current = await getServiceOrThrow(tx, ctx.org.id, serviceId);
    if (current.baseUrl === baseUrl) return current;
    const updated = await tx.service.update({ where: { id: current.id }, data: { baseUrl } });
    await recordAudit(tx, {
      action: "service.update",
      actor: auditActor(ctx),
      orgId: ctx.org.id,
      target: { type: "service", id: current.id, label: current.name },
      detail: { baseUrl: { from: current.baseUrl, to: baseUrl } },
      context,
    });
    return updated;
  });
  return toServiceView(service);
}
