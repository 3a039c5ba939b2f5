import type { Org } from "@/generated/prisma/client";
import type { Tx } from "@/lib/db/transaction";
import { ConflictError } from "@/lib/errors/domain-errors";
import { PLANS } from "./plans";

export class SeatLimitError extends ConflictError {}

/**
 * Refuses one more member (an invite, or accepting one) when the plan's seats
 * are taken, with an upgrade prompt. Email invites also hold a seat while
 * pending (`reservePending`), so a full org cannot hand out more invites
 * than seats. Locks the org row: concurrent invites and accepts queue here
 * and each counts after the one before committed.
 */
export async function ensureSeatAvailable(tx: Tx, org: Pick<Org, "id">, { reservePending = false }: { reservePending?: boolean } = {}): Promise<void> {
  const [row] = await tx.$queryRaw<{ tier: Org["tier"] }[]>`SELECT tier FROM "Org" WHERE id = ${org.id}::uuid FOR UPDATE`;
  if (!row) return;
  const plan = PLANS[row.tier];
  if (plan.seats.max === -1) return;
  const now = new Date();
  const [members, pending] = await Promise.all([
    tx.membership.count({ where: { orgId: org.id } }),
    reservePending ? tx.invite.count({ where: { orgId: org.id, kind: "email", revokedAt: null, usedCount: 0, expiresAt: { gt: now } } }) : Promise.resolve(0),
  ]);
  if (members + pending < plan.seats.max) return;
  const taken = pending ? `${members} members and ${pending} pending invites` : `${members} members`;
  throw new SeatLimitError(
    `The ${plan.name} plan has ${plan.seats.max} seats and ${taken} fill them. Upgrade the plan on the Billing page to add more people.`,
  );
}
