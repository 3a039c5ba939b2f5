import { z } from "zod";
import type { AuditActor } from "@/lib/audit/record-audit";
import { normaliseEmail } from "@/lib/auth/login-rules";
import type { Db } from "@/lib/db/client";
import { parseInput, ValidationError } from "@/lib/errors/domain-errors";
import { changeTierByOperator, changeTierInput } from "@/lib/nats/change-tier";
import { NATS_NOT_CONNECTED } from "@/lib/nats/get-account-usage";
import { provisionOrgAccount, type NatsRuntime } from "@/lib/nats/provision-org-account";
import { createOrg } from "./create-org";

export const createOrgByOperatorInput = z.object({ owner: z.string().trim().min(1, "Name the owner's email."), tier: changeTierInput.shape.tier.optional() });

/**
 * An operator on the server creates an org for an existing user, who becomes
 * its Admin (`cordon org create`). The org's account is pushed at once when
 * NATS is up, on the chosen plan; otherwise the org stays pending and the
 * reconciler pushes it once the app reaches NATS.
 */
export async function createOrgByOperator(db: Db, nats: NatsRuntime | null, raw: { name: unknown; owner: unknown; tier?: unknown }, actor: AuditActor) {
  const { owner: ownerEmail, tier } = parseInput(createOrgByOperatorInput, raw);
  const owner = await db.user.findUnique({ where: { email: normaliseEmail(ownerEmail) }, select: { id: true, email: true } });
  if (!owner) throw new ValidationError(`No user has the email ${ownerEmail}: they sign up first, then the org can be created for them.`, "owner");
  const created = await createOrg(db, { userId: owner.id, email: owner.email }, { name: raw.name }, {}, actor);
  const push =
    tier && tier !== created.tier
      ? (await changeTierByOperator(db, nats, created.slug, { tier }, actor)).push
      : nats
        ? await provisionOrgAccount(db, nats, created.id, actor)
        : { ok: false, error: NATS_NOT_CONNECTED };
  return { org: await db.org.findUniqueOrThrow({ where: { id: created.id } }), push };
}
