import { cache } from "react";
import { notFound } from "next/navigation";
import { requireSession } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors/domain-errors";
import { orgMfaMissing } from "./ensure-org-mfa";
import { loadOrgContext } from "./org-context";

/**
 * The signed-in user's view of an org for console pages, loaded once per
 * request (layout and page share it). Unknown or foreign orgs are a 404 page.
 */
export const loadConsole = cache(async (slug: string) => {
  const session = await requireSession(`/orgs/${slug}`);
  try {
    const ctx = await loadOrgContext(getDb(), slug, session.userId);
    const mfaMissing = await orgMfaMissing(getDb(), ctx);
    return { session, ctx, mfaMissing };
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
});
