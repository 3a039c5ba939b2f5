import type { Db } from "@/lib/db/client";
import { ensureCan, type OrgContext } from "@/lib/orgs/org-context";
import { toServiceView, type ServiceView } from "./service-view";

/** The org's upstream services by name. */
export async function listServices(db: Db, ctx: OrgContext): Promise<ServiceView[]> {
  ensureCan(ctx, "services:read");
  const services = await db.service.findMany({ where: { orgId: ctx.org.id }, orderBy: { name: "asc" } });
  const now = new Date();
  return services.map((service) => toServiceView(service, now));
}
