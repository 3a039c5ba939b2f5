import type { Db } from "@/lib/db/client";
import { isUuid } from "@/lib/db/is-uuid";
import type { Tx } from "@/lib/db/transaction";
import { NotFoundError } from "@/lib/errors/domain-errors";

/** A service of this org by id; anything else (another org's, malformed id) is not found. */
export async function getServiceOrThrow(db: Db | Tx, orgId: string, serviceId: string) {
  const service = isUuid(serviceId) ? await db.service.findFirst({ where: { id: serviceId, orgId } }) : null;
  if (!service) throw new NotFoundError("Service");
  return service;
}

/** A service of this org by its name (the API addresses services by name). */
export async function getServiceByNameOrThrow(db: Db | Tx, orgId: string, name: string) {
  const service = await db.service.findFirst({ where: { orgId, name } });
  if (!service) throw new NotFoundError("Service");
  return service;
}
