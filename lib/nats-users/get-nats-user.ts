import type { Db } from "@/lib/db/client";
import { isUuid } from "@/lib/db/is-uuid";
import { NotFoundError } from "@/lib/errors/domain-errors";
import { ensureCan, type OrgContext } from "@/lib/orgs/org-context";
import { NATS_USER_INCLUDE, natsUserView, type NatsUserView } from "./nats-user-view";

/** One of the org's NATS users; another org's is not found, like a missing one. */
export async function getNatsUser(db: Db, ctx: OrgContext, id: string): Promise<NatsUserView> {
  ensureCan(ctx, "nats_users:read");
  const user = isUuid(id) ? await db.natsUser.findFirst({ where: { id, orgId: ctx.org.id }, include: NATS_USER_INCLUDE }) : null;
  if (!user) throw new NotFoundError("NATS user");
  return natsUserView(user);
}
