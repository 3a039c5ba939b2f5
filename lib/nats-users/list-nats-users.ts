import type { Db } from "@/lib/db/client";
import type { NatsRuntime } from "@/lib/nats/provision-org-account";
import { ensureCan, type OrgContext } from "@/lib/orgs/org-context";
import { getUserConnections } from "./get-user-connections";
import { NATS_USER_INCLUDE, natsUserView, type NatsUserView } from "./nats-user-view";

/** Connections open now and when the user was last seen; null when NATS did not say (see `connections.reason`). */
export type ListedNatsUser = NatsUserView & { connections: { live: number; lastSeenAt: string | null } | null };

export type NatsUserListing = { users: ListedNatsUser[]; connections: { available: true } | { available: false; reason: string } };

/**
 * The org's NATS users by name, revoked ones included (kept, marked, so their
 * history stays readable), with live connection data from `$SYS` CONNZ when
 * NATS answers within its short timeout.
 */
export async function listNatsUsers(db: Db, nats: NatsRuntime | null, ctx: OrgContext): Promise<NatsUserListing> {
  ensureCan(ctx, "nats_users:read");
  const [rows, connections] = await Promise.all([
    db.natsUser.findMany({ where: { orgId: ctx.org.id }, include: NATS_USER_INCLUDE, orderBy: { name: "asc" } }),
    getUserConnections(nats, ctx.org.natsAccount),
  ]);
  const now = new Date();
  const users = rows.map((row): ListedNatsUser => {
    const seen = connections.available ? connections.byName.get(row.name) : undefined;
    return { ...natsUserView(row, now), connections: connections.available ? { live: seen?.live ?? 0, lastSeenAt: seen?.lastSeenAt ?? null } : null };
  });
  return { users, connections: connections.available ? { available: true } : { available: false, reason: connections.reason } };
}
