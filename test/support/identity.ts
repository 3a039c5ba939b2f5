import { randomBytes } from "node:crypto";
import type { HttpContext } from "@/lib/http/request-context";
import type { Db } from "@/lib/db/client";
import { generateOperatorSeed } from "@/lib/nats/key-pair";
import { signUp } from "@/lib/auth/sign-up";

/** Config the identity use cases read (token keys, TOTP sealing). */
export function setTestSecrets(): void {
  process.env.AUTH_SECRET ??= randomBytes(32).toString("base64url");
  process.env.OPERATOR_SEED ??= generateOperatorSeed();
}

export function testContext(ip = `198.51.100.${Math.floor(Math.random() * 250) + 1}`): HttpContext {
  return {
    ip,
    userAgent: "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36",
    requestId: randomBytes(8).toString("hex"),
    origin: "http://cordon.test",
  };
}

export const STRONG_PASSWORD = "correct horse battery staple 42";

/** Signs up a user through the real use case and returns their row. */
export async function createUser(db: Db, email = `user-${randomBytes(4).toString("hex")}@example.com`, name = "Test User") {
  const result = await signUp(db, { email, name, password: STRONG_PASSWORD }, testContext());
  if (!result.ok) throw new Error(`sign-up failed: ${JSON.stringify(result.fieldErrors)}`);
  return db.user.findUniqueOrThrow({ where: { email } });
}

/** The newest email to `to`, and the first link in it. */
export async function lastEmailLink(db: Db, to: string): Promise<{ subject: string; link: string | undefined }> {
  const email = await db.emailMessage.findFirstOrThrow({ where: { to }, orderBy: { createdAt: "desc" } });
  return { subject: email.subject, link: /https?:\/\/\S+/.exec(email.text)?.[0] };
}

export function tokenFromLink(link: string | undefined): string {
  const token = link ? new URL(link).searchParams.get("token") : null;
  if (!token) throw new Error(`no token in ${link}`);
  return token;
}
