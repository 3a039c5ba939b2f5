import { randomBytes } from "node:crypto";
import { z } from "zod";
import { recordAudit, type AuditActor, type RequestContext } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/is-unique-violation";
import { ConflictError, parseInput, ValidationError } from "@/lib/errors/domain-errors";
import { orgName, orgSlug, slugFromName } from "./org-slug";

export const createOrgInput = z.object({ name: orgName, slug: z.string().trim().optional() });

export type Actor = { userId: string; email: string };

/**
 * Creates an organisation with its creator as Admin. Without a chosen slug one
 * is derived from the name (with a short suffix when taken). The org starts
 * `pending` until its NATS account exists. `auditAs` names who acted when it
 * is not the creator (an operator using the CLI).
 */
export async function createOrg(
  db: Db,
  actor: Actor,
  raw: unknown,
  context: RequestContext,
  auditAs: AuditActor = { type: "user", id: actor.userId, label: actor.email },
) {
  const inputData = parseInput(createOrgInput, raw, "name");
  const chosen = inputData.slug ? orgSlug.safeParse(inputData.slug) : null;
  if (chosen && !chosen.success) throw new ValidationError(chosen.error.issues[0].message, "slug");

  const candidates = chosen
    ? [chosen.data]
    : [slugFromName(inputData.name), ...Array.from({ length: 3 }, () => `${slugFromName(inputData.name).slice(0, 33)}-${randomBytes(3).toString("hex")}`)];
  for (const slug of candidates) {
    if (await db.org.findUnique({ where: { slug }, select: { id: true } })) continue;
    try {
      return await db.$transaction(async (tx) => {
        const org = await tx.org.create({ data: { name: inputData.name, slug } });
        await tx.membership.create({ data: { orgId: org.id, userId: actor.userId, role: "admin" } });
        await recordAudit(tx, {
          action: "org.create",
          actor: auditAs,
          orgId: org.id,
          target: { type: "org", id: org.id, label: org.name },
          detail: { slug, name: org.name },
          context,
        });
        return org;
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error; // someone took the slug in between
    }
  }
  throw new ConflictError(chosen ? "That URL name is taken; choose another." : "Could not find a free URL name; choose one.", "slug");
}
