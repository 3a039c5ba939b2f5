import { z } from "zod";
import { recordAudit, type RequestContext } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/is-unique-violation";
import { ConflictError, parseInput } from "@/lib/errors/domain-errors";
import { auditActor } from "@/lib/orgs/audit-actor";
import { ensureCan, type OrgContext } from "@/lib/orgs/org-context";
import { ensureBaseUrlAllowed, serviceBaseUrl } from "./service-base-url";
import { generateServiceSecret, sealServiceSecret } from "./service-secret";
import { toServiceView, type ServiceView } from "./service-view";

export const DUPLICATE_SERVICE = "A service with that name already exists.";

/** The name is a path segment of `/api/v1/orgs/{slug}/services/{name}/…`. */
export const SERVICE_NAME_PATTERN = /^[a-z0-9][a-z0-9-]{0,39}$/;

export const serviceName = z
  .string()
  .trim()
  .regex(SERVICE_NAME_PATTERN, "Use up to 40 lowercase letters, digits and hyphens, starting with a letter or digit.");

export const registerServiceInput = z.object({ name: serviceName, baseUrl: serviceBaseUrl });

/** Registers an upstream service. The signing secret is returned this once; only its sealed form is stored. */
export async function registerService(db: Db, ctx: OrgContext, raw: unknown, context: RequestContext): Promise<{ service: ServiceView; secret: string }> {
  ensureCan(ctx, "services:write");
  const { name, baseUrl } = parseInput(registerServiceInput, raw ?? {}, "name");
  ensureBaseUrlAllowed(baseUrl);
  const secret = generateServiceSecret();
  try {
    const service = await db.$transaction(async (tx) => {
      const created = await tx.service.create({
        data: { orgId: ctx.org.id, name, baseUrl, secretSealed: sealServiceSecret(secret), createdById: ctx.user.id },
      });
      await recordAudit(tx, {
        action: "service.create",
        actor: auditActor(ctx),
        orgId: ctx.org.id,
        target: { type: "service", id: created.id, label: name },
        detail: { name, baseUrl },
        context,
      });
      return created;
    });
    return { service: toServiceView(service), secret };
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError(DUPLICATE_SERVICE, "name");
    throw error;
  }
}
