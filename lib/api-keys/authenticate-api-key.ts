import type { Db } from "@/lib/db/client";
import { isPermission, sortPermissions, type Permission } from "@/lib/rbac/permissions";
import { apiKeyMatches, parseApiKey } from "./api-key-format";
import { apiKeyStatus } from "./api-key-status";

export { isApiKey } from "./api-key-format";

/** A key that checks out. Its permissions in a request are `scopes` within its creator's (see load-api-key-context.ts). */
export type AuthenticatedApiKey = { id: string; orgId: string; orgSlug: string; name: string; scopes: Permission[]; createdById: string };

export type ApiKeyAuthentication = { ok: true; key: AuthenticatedApiKey } | { ok: false; detail: string };

// One answer for malformed, unknown and wrong keys: a caller learns nothing about which prefixes exist.
export const INVALID_API_KEY = "The API key is not valid.";
export const REVOKED_API_KEY = "The API key has been revoked.";
export const EXPIRED_API_KEY = "The API key has expired.";
export const API_KEY_ORG_DELETED = "The API key's organisation has been deleted.";
export const API_KEY_CREATOR_GONE = "The API key's creator is no longer a member of the organisation.";

/** `lastUsedAt` / `lastUsedIp` are written at most this often per key, not on every request. */
export const LAST_USED_INTERVAL_MS = 60_000;

/**
 * Authenticates `Authorization: Bearer cdn_…` in one query: the key is found
 * by its public prefix and its hash compared in constant time; revoked and
 * expired keys, keys of a deleted org and keys whose creator's account is
 * gone are refused.
 */
export async function authenticateApiKey(db: Db, rawKey: string, ip: string | null): Promise<ApiKeyAuthentication> {
  const parsed = parseApiKey(rawKey);
  if (!parsed) return { ok: false, detail: INVALID_API_KEY };
  const key = await db.apiKey.findUnique({ where: { prefix: parsed.prefix }, include: { org: { select: { slug: true, deletedAt: true } } } });
  if (!key || !apiKeyMatches(rawKey, key.secretHash)) return { ok: false, detail: INVALID_API_KEY };
  const now = new Date();
  const status = apiKeyStatus(key, now);
  if (status === "revoked") return { ok: false, detail: REVOKED_API_KEY };
  if (status === "expired") return { ok: false, detail: EXPIRED_API_KEY };
  if (key.org.deletedAt) return { ok: false, detail: API_KEY_ORG_DELETED };
  if (!key.createdById) return { ok: false, detail: API_KEY_CREATOR_GONE };

  if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() >= LAST_USED_INTERVAL_MS) {
    // Conditional, so a burst of concurrent requests still writes once.
    const staleBefore = new Date(now.getTime() - LAST_USED_INTERVAL_MS);
    await db.apiKey.updateMany({
      where: { id: key.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lte: staleBefore } }] },
      data: { lastUsedAt: now, lastUsedIp: ip },
    });
  }
  const scopes = sortPermissions(key.scopes.filter((scope): scope is Permission => isPermission(scope)));
  return { ok: true, key: { id: key.id, orgId: key.orgId, orgSlug: key.org.slug, name: key.name, scopes, createdById: key.createdById } };
}
