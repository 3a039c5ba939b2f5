import { z } from "zod";
import { recordAudit, type RequestContext } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/is-unique-violation";
import { parseInput, ValidationError } from "@/lib/errors/domain-errors";
import { auditActor } from "@/lib/orgs/audit-actor";
import { ensureCan, ensureCanGrant, type OrgContext } from "@/lib/orgs/org-context";
import type { Permission } from "@/lib/rbac/permissions";
import { validateRolePermissions } from "@/lib/rbac/validate-role-permissions";
import { generateApiKey } from "./api-key-format";
import { apiKeyExpiry, maxApiKeyExpiry } from "./api-key-status";
import { apiKeyRow, CREATOR_SELECT, type ApiKeyRow } from "./list-api-keys";

export const API_KEY_NAME_MAX_LENGTH = 80;
export const MAX_API_KEY_DAYS = 365;

/** Form fields arrive as strings; an empty one (or null) means "not given". */
const blankToUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);

export const createApiKeyInput = z.object({
  name: z
    .string({ error: "Enter a name for the key." })
    .trim()
    .min(1, "Enter a name for the key.")
    .max(API_KEY_NAME_MAX_LENGTH, `Keep the name to ${API_KEY_NAME_MAX_LENGTH} characters or fewer.`),
  scopes: z.unknown(),
  /** Days from now (the console's presets); absent with no `expiresAt` means the key never expires. */
  expiresInDays: z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: "Enter a number of days." })
      .int("Enter a whole number of days.")
      .min(1, `A key lasts 1 to ${MAX_API_KEY_DAYS} days, or never expires.`)
      .max(MAX_API_KEY_DAYS, `A key lasts 1 to ${MAX_API_KEY_DAYS} days, or never expires.`)
      .optional(),
  ),
  /** An exact expiry (API clients). */
  expiresAt: z.preprocess(blankToUndefined, z.coerce.date({ error: "Enter a valid expiry date." }).optional()),
});

export type CreateApiKeyInput = { name: string; scopes: unknown; expiresInDays?: number | string | null; expiresAt?: Date | string | null };

function parseScopes(value: unknown): Permission[] {
  if (!Array.isArray(value)) throw new ValidationError("Choose at least one scope.", "scopes");
  const result = validateRolePermissions(value);
  if (!result.ok) throw new ValidationError(result.error, "scopes");
  if (result.permissions.length === 0) throw new ValidationError("Choose at least one scope.", "scopes");
  return result.permissions;
}

function parseExpiry(input: { expiresInDays?: number; expiresAt?: Date }, now: Date): Date | null {
  if (input.expiresInDays !== undefined && input.expiresAt !== undefined)
    throw new ValidationError("Give either an expiry date or a number of days, not both.", "expiresAt");
  if (input.expiresInDays !== undefined) return apiKeyExpiry(input.expiresInDays, now);
  if (input.expiresAt === undefined) return null;
  if (input.expiresAt.getTime() <= now.getTime()) throw new ValidationError("The expiry date must be in the future.", "expiresAt");
  if (input.expiresAt.getTime() > maxApiKeyExpiry(now).getTime()) throw new ValidationError("A key can last at most one year.", "expiresAt");
  return input.expiresAt;
}

// 60 random bits make a prefix clash vanishingly rare; retrying covers it without a pre-check race.
const PREFIX_ATTEMPTS = 3;

/**
 * Creates an API key whose scopes are a subset of the creator's own
 * permissions (no one hands a machine more than they hold). The key is
 * returned here once; only its hash is stored, and the audit trail records
 * its name, scopes and expiry, never the key.
 */
export async function createApiKey(db: Db, ctx: OrgContext, raw: CreateApiKeyInput, context: RequestContext): Promise<{ key: string; apiKey: ApiKeyRow }> {
  ensureCan(ctx, "api_keys:write");
  const input = parseInput(createApiKeyInput, raw ?? {}, "name");
  const scopes = parseScopes(input.scopes);
  ensureCanGrant(ctx, scopes);
  const expiresAt = parseExpiry(input, new Date());
  for (let attempt = 1; ; attempt++) {
    const { key, prefix, secretHash } = generateApiKey();
    try {
      const row = await db.$transaction(async (tx) => {
        const created = await tx.apiKey.create({
          data: { orgId: ctx.org.id, name: input.name, prefix, secretHash, scopes, createdById: ctx.user.id, expiresAt },
          include: { createdBy: CREATOR_SELECT },
        });
        await recordAudit(tx, {
          action: "api_key.create",
          actor: auditActor(ctx),
          orgId: ctx.org.id,
          target: { type: "api_key", id: created.id, label: created.name },
          detail: { name: created.name, prefix, scopes, expiresAt: expiresAt?.toISOString() ?? null },
          context,
        });
        return created;
      });
      return { key, apiKey: apiKeyRow(row) };
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= PREFIX_ATTEMPTS) throw error;
    }
  }
}
