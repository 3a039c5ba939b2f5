import { redirect } from "next/navigation";
import { getDb } from "@/lib/db/client";
import { auth } from "./next-auth";
import { validateSession } from "./validate-session";

/** The signed-in user and their session, or null. A revoked or expired session counts as signed out. */
export async function currentSession() {
  const cookieSession = await auth();
  return validateSession(getDb(), cookieSession?.sessionId);
}

/** For pages and actions that need a user: sends everyone else to the login page. */
export async function requireSession(returnTo?: string) {
  const session = await currentSession();
  if (!session) redirect(returnTo ? `/login?next=${encodeURIComponent(returnTo)}` : "/login");
  return session;
}
