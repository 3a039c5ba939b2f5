import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/lib/db/client";
import { auth } from "./next-auth";
import { validateSession } from "./validate-session";

/**
 * The signed-in user and their session, or null. A revoked or expired session
 * counts as signed out. Looked up once per request: layouts and pages share it.
 */
export const currentSession = cache(async () => {
  const cookieSession = await auth();
  return validateSession(getDb(), cookieSession?.sessionId);
});

/** For pages and actions that need a user: sends everyone else to the login page. */
export async function requireSession(returnTo?: string) {
  const session = await currentSession();
  if (!session) redirect(returnTo ? `/login?next=${encodeURIComponent(returnTo)}` : "/login");
  return session;
}
