import { loadApiKeyContext } from "@/lib/api-keys/load-api-key-context";
import type { Db } from "@/lib/db/client";
import { ensureOrgMfa } from "@/lib/orgs/ensure-org-mfa";
import { loadOrgContext, type OrgContext } from "@/lib/orgs/org-context";
import type { Principal } from "./principal";

/**
 * Org validation for an API call: the slug names a live org the caller
 * belongs to (an unknown org and someone else's look the same: 404). For a
 * user the org's require-MFA rule holds; a key acts within its own org only,
 * as its creator narrowed to its scopes.
 */
export async function loadApiOrgContext(db: Db, slug: string, principal: Principal): Promise<OrgContext> {
  if (principal.kind === "api_key") return loadApiKeyContext(db, principal.key, slug);
  const ctx = await loadOrgContext(db, slug, principal.userId);
  await ensureOrgMfa(db, ctx);
  return ctx;
}
