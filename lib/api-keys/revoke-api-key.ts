import { recordAudit, type RequestContext } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db/client";
import { isUuid } from "@/lib/db/is-uuid";
import { ForbiddenError, NotFoundError } from "@/lib/errors/domain-errors";
import { auditActor } from "@/lib/orgs/audit-actor";
import { can, ensureCan, type OrgContext } from "@/lib/orgs/org-context";
import { apiKeyStatus } from "./api-key-status";

export const REVOKE_OTHERS_KEY = "You need the api_keys:delete permission to revoke another member's key.";

/** Whether `ctx` may revoke this key (the console shows the button by the same rule). */
export function canRevokeApiKey(ctx: Pick<OrgContext, "permissions" | "user">, key: { createdById: string | null }): boolean {
  return can(ctx, "api_keys:delete") || (can(ctx, "api_keys:write") && key.createdById === ctx.user.id);
}

/**
 * Revokes an API key: it stops working on its next request. `api_keys:delete`
 * revokes any key of the org; a key's creator may also revoke their own with
 * `api_keys:write` (Members create keys but lack delete, and must still be
 * able to kill a key they leaked). Revoking an already revoked key changes
 * nothing and records nothing; `revoked` says whether this call did it.
 */
export async function revokeApiKey(db: Db, ctx: OrgContext, apiKeyId: string, context: RequestContext): Promise<{ revoked: boolean }> {
  if (!can(ctx, "api_keys:delete")) ensureCan(ctx, "api_keys:write");
  if (!isUuid(apiKeyId)) throw new NotFoundError("API key");
  return db.$transaction(async (tx) => {
    const key = await tx.apiKey.findFirst({ where: { id: apiKeyId, orgId: ctx.org.id } });
    if (!key) throw new NotFoundError("API key");
    if (!canRevokeApiKey(ctx, key)) throw new ForbiddenError(REVOKE_OTHERS_KEY);
    // Conditional, so two concurrent revocations record one event.
    const { count } = await tx.apiKey.updateMany({ where: { id: key.id, orgId: ctx.org.id, revokedAt: null }, data: { revokedAt: new Date() } });
    if (count === 0) return { revoked: false };
    await recordAudit(tx, {
      action: "api_key.revoke",
      actor: auditActor(ctx),
      orgId: ctx.org.id,
      target: { type: "api_key", id: key.id, label: key.name },
      detail: { name: key.name, prefix: key.prefix, scopes: key.scopes, statusBefore: apiKeyStatus(key) },
      context,
    });
    return { revoked: true };
  });
}
