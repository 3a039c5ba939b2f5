import type { Db } from "@/lib/db/client";

/**
 * The local outbox page shows every email, reset links included, so it exists
 * only where `npm start` turns it on (CORDON_DEV_MAIL=1) and no SMTP server
 * is configured.
 */
export function devOutboxEnabled(env: Record<string, string | undefined> = process.env): boolean {
  return env.CORDON_DEV_MAIL === "1" && !env.SMTP_URL;
}

export function latestEmails(db: Db, limit = 50) {
  return db.emailMessage.findMany({ orderBy: { createdAt: "desc" }, take: limit });
}
