import type { Tx } from "@/lib/db/transaction";
import { isUuid } from "@/lib/db/is-uuid";
import { NotFoundError } from "@/lib/errors/domain-errors";
import { NATS_USER_INCLUDE, type NatsUserRow } from "./nats-user-view";

/**
 * The org's user `id`, locked for the rest of the transaction: two re-issues
 * at once must not both rotate from the same key (one old key would escape
 * revocation). Another org's user is not found, like a missing one.
 */
export async function lockNatsUser(tx: Tx, orgId: string, id: string): Promise<NatsUserRow> {
  if (!isUuid(id)) throw new NotFoundError("NATS user");
  const [locked] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "NatsUser" WHERE id = ${id}::uuid AND "orgId" = ${orgId}::uuid FOR UPDATE`;
  if (!locked) throw new NotFoundError("NATS user");
  return tx.natsUser.findUniqueOrThrow({ where: { id }, include: NATS_USER_INCLUDE });
}
