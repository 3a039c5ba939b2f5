import type { Tx } from "@/lib/db/transaction";
import { createUserToken } from "./user-tokens";

/**
 * Every factor is satisfied: reset the failure count and hand out a one-minute
 * login ticket, which the session layer redeems for a session.
 */
export async function completeLogin(tx: Tx, userId: string, method: string): Promise<string> {
  await tx.user.update({ where: { id: userId }, data: { failedLogins: 0, lockedUntil: null } });
  return createUserToken(tx, userId, "login_ticket", { method });
}
