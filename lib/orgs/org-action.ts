import { requireSession } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/client";
import { DomainError } from "@/lib/errors/domain-errors";
import { currentRequest } from "@/lib/http/current-request";
import type { HttpContext } from "@/lib/http/request-context";
import { ensureOrgMfa } from "./ensure-org-mfa";
import { loadOrgContext, type OrgContext } from "./org-context";

export type ActionResult<T = undefined> = { ok: true; data?: T; message?: string } | { ok: false; error: string; fieldErrors?: Record<string, string[]> };

/**
 * Runs an org-scoped server action: checks the session and membership on the
 * server (hidden buttons are not security), then maps a DomainError to an
 * inline message. Anything else is a real failure and propagates.
 */
export async function runOrgAction<T>(slug: string, action: (ctx: OrgContext, context: HttpContext) => Promise<T>, message?: string): Promise<ActionResult<T>> {
  const session = await requireSession();
  try {
    const ctx = await loadOrgContext(getDb(), slug, session.userId);
    await ensureOrgMfa(getDb(), ctx);
    const data = await action(ctx, await currentRequest());
    return { ok: true, data, message };
  } catch (error) {
    if (error instanceof DomainError) return { ok: false, error: error.message, fieldErrors: error.field ? { [error.field]: [error.message] } : undefined };
    throw error;
  }
}
