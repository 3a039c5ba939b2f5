import type { RequestContext } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db/client";
import { provisionOrgAccount, type NatsRuntime } from "@/lib/nats/provision-org-account";
import { createOrg, type Actor } from "./create-org";

/**
 * Creating an org from the console or the API: the org commits as `pending`,
 * then its NATS account is pushed at once when NATS is up. If it is not (or
 * the push fails) the org stays pending and the reconciler finishes the job.
 */
export async function createOrgAndAccount(db: Db, nats: NatsRuntime | null, actor: Actor, raw: unknown, context: RequestContext) {
  const org = await createOrg(db, actor, raw, context);
  if (!nats) return org;
  await provisionOrgAccount(db, nats, org.id, { type: "user", id: actor.userId, label: actor.email });
  return db.org.findUniqueOrThrow({ where: { id: org.id } });
}
