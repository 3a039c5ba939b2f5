import { encodeGeneric } from "@nats-io/jwt";
import { z } from "zod";
import type { Org } from "@/generated/prisma/client";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db/client";
import type { NatsRuntime } from "./provision-org-account";
import { PushError, serialised } from "./push-account";

const deleteReply = z.union([
  z.object({ data: z.object({ code: z.number(), message: z.string() }) }),
  z.object({ error: z.object({ code: z.number(), description: z.string() }) }),
]);

/**
 * Removes the org's account from the NATS servers: `$SYS.REQ.CLAIMS.DELETE`
 * with a generic JWT signed by the operator. Its clients are cut at once and
 * the resolver forgets the account, across restarts. It runs in the account's
 * push queue, so a push already queued cannot land after it. The server
 * answers 200 for an unknown account too, so deleting again is harmless; the
 * org records `natsDeletedAt` and the audit event only once.
 */
export async function deleteOrgAccount(
  db: Db,
  nats: Pick<NatsRuntime, "system" | "keys">,
  org: Pick<Org, "id" | "slug" | "natsAccount" | "natsKeyGeneration">,
  actor: AuditActor,
): Promise<{ accounts: string[] }> {
  const current = nats.keys.account(org.id, org.natsKeyGeneration).getPublicKey();
  // The recorded key differs from the derived one only if a key rotation was interrupted: delete both.
  const accounts = [...new Set([current, ...(org.natsAccount ? [org.natsAccount] : [])])];
  const message = await serialised(current, async () => {
    const jwt = await encodeGeneric("delete", nats.keys.operator, "generic", { accounts });
    const reply = await nats.system.request("$SYS.REQ.CLAIMS.DELETE", jwt, deleteReply);
    if ("error" in reply) throw new PushError(`nats-server refused to delete the account: ${reply.error.description}`);
    if (reply.data.code !== 200) throw new PushError(`unexpected reply: ${reply.data.message}`);
    return reply.data.message;
  });
  await db.$transaction(async (tx) => {
    const { count } = await tx.org.updateMany({ where: { id: org.id, natsDeletedAt: null }, data: { natsDeletedAt: new Date() } });
    if (!count) return;
    await recordAudit(tx, {
      action: "nats_account.delete",
      actor,
      orgId: org.id,
      target: { type: "nats_account", id: current, label: org.slug },
      detail: { accounts, reply: message },
    });
  });
  return { accounts };
}
