import { z } from "zod";
import { recordAudit, type RequestContext } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db/client";
import { ConflictError, parseInput } from "@/lib/errors/domain-errors";
import { auditActor } from "@/lib/orgs/audit-actor";
import { ensureCan, type OrgContext } from "@/lib/orgs/org-context";
import { getServiceOrThrow } from "./get-service-or-throw";
import { generateServiceSecret, sealServiceSecret } from "./service-secret";
import { toServiceView, type ServiceView } from "./service-view";

export const DEFAULT_OVERLAP_HOURS = 24;

export const rotateServiceSecretInput = z.object({
  overlapHours: z.coerce
    .number()
    .int("Enter a whole number of hours.")
    .min(1, "Keep the old secret for at least 1 hour.")
    .max(168, "Keep the old secret for at most 168 hours (7 days).")
    .default(DEFAULT_OVERLAP_HOURS),
});

/**
 * Issues a new signing secret, returned this once. The current secret becomes
 * the previous one and keeps signing alongside it (two signatures per
 * request) for `overlapHours`, so upstreams can switch without downtime. A
 * rotation during an overlap drops the older previous secret at once.
 */
export async function rotateServiceSecret(
  db: Db,
  ctx: OrgContext,
  serviceId: string,
  raw: unknown,
  context: RequestContext,
): Promise<{ service: ServiceView; secret: string }> {
  ensureCan(ctx, "services:write");
  const { overlapHours } = parseInput(rotateServiceSecretInput, raw ?? {}, "overlapHours");
  const secret = generateServiceSecret();
  const service = await db.$transaction(async (tx) => {
    const current = await getServiceOrThrow(tx, ctx.org.id, serviceId);
    const previousSecretExpiresAt = new Date(Date.now() + overlapHours * 3_600_000);
    // Conditional on the secret we read: of two concurrent rotations one wins, and the other's secret (already shown) is not silently lost.
    const { count } = await tx.service.updateMany({
      where: { id: current.id, secretSealed: current.secretSealed },
      data: { secretSealed: sealServiceSecret(secret), previousSecretSealed: current.secretSealed, previousSecretExpiresAt },
    });
    if (count === 0) throw new ConflictError("The secret was just rotated by someone else; reload the page.");
    await recordAudit(tx, {
      action: "service.secret.rotate",
      actor: auditActor(ctx),
      orgId: ctx.org.id,
      target: { type: "service", id: current.id, label: current.name },
      detail: { previousSecretExpiresAt: previousSecretExpiresAt.toISOString() },
      context,
    });
    return tx.service.findUniqueOrThrow({ where: { id: current.id } });
  });
  return { service: toServiceView(service), secret };
}
