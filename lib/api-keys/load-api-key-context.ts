import type { Db } from "@/lib/db/client";
import { ForbiddenError, NotFoundError } from "@/lib/errors/domain-errors";
import { loadOrgContext, type OrgContext } from "@/lib/orgs/org-context";
import { API_KEY_CREATOR_GONE, type AuthenticatedApiKey } from "./authenticate-api-key";

/**
 * What an authenticated key may do in the org named by `slug`: only its own
 * org (any other looks unknown), acting as its creator with the key's scopes
 * intersected with what the creator holds right now. Demoting someone narrows
 * their keys at once and a promotion restores them (stored scopes are kept);
 * when the creator leaves the org, the key can do nothing.
 */
export async function loadApiKeyContext(
  db: Db,
  key: Pick<AuthenticatedApiKey, "id" | "name" | "orgSlug" | "scopes" | "createdById">,
  slug: string,
): Promise<OrgContext> {
  if (slug !== key.orgSlug) throw new NotFoundError("Organisation");
  let creator: OrgContext;
  try {
    creator = await loadOrgContext(db, slug, key.createdById);
  } catch (error) {
    if (error instanceof NotFoundError) throw new ForbiddenError(API_KEY_CREATOR_GONE);
    throw error;
  }
  const permissions = new Set(key.scopes.filter((scope) => creator.permissions.has(scope)));
  return { ...creator, permissions, apiKey: { id: key.id, name: key.name } };
}
