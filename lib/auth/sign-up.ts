import { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/is-unique-violation";
import type { HttpContext } from "@/lib/http/request-context";
import { deliverEmail, queueEmail } from "@/lib/mail/send-email";
import { checkPassword } from "./check-password";
import { normaliseEmail } from "./login-rules";
import { hashPassword } from "./password-hash";
import { createUserToken } from "./user-tokens";

export const signUpInput = z.object({
  email: z.email("Enter a valid email address.").max(254, "That email address is too long."),
  name: z.string().trim().min(1, "Enter your name.").max(100, "Keep your name under 100 characters."),
  password: z.string().max(1024),
});

export type SignUpResult = { ok: true } | { ok: false; fieldErrors: Partial<Record<"email" | "name" | "password", string[]>> };

/**
 * Creates an account and emails a verification link. An email that already
 * has an account gets a "you already have an account" message instead, and
 * the caller sees the same answer either way.
 */
export async function signUp(db: Db, raw: unknown, context: HttpContext): Promise<SignUpResult> {
  const parsed = signUpInput.safeParse(raw);
  if (!parsed.success) return { ok: false, fieldErrors: z.flattenError(parsed.error).fieldErrors };
  const email = normaliseEmail(parsed.data.email);
  const { name, password } = parsed.data;
  const policy = checkPassword(password, { email, name });
  if (!policy.ok) return { ok: false, fieldErrors: { password: policy.problems } };

  const passwordHash = await hashPassword(password);
  const emailId = await db
    .$transaction(async (tx) => {
      const existing = await tx.user.findUnique({ where: { email } });
      if (existing) {
        return queueEmail(tx, {
          to: email,
          subject: "You already have a Cordon account",
          text: `Someone (hopefully you) tried to sign up with this address, which already has an account.\n\nSign in: ${context.origin}/login\nForgot your password? ${context.origin}/forgot-password`,
        });
      }
      const user = await tx.user.create({ data: { email, name, passwordHash } });
      const token = await createUserToken(tx, user.id, "verify_email");
      await recordAudit(tx, {
        action: "user.signup",
        actor: { type: "user", id: user.id, label: email },
        target: { type: "user", id: user.id, label: email },
        context,
      });
      return queueEmail(tx, {
        to: email,
        subject: "Verify your email for Cordon",
        text: `Welcome to Cordon, ${name}.\n\nConfirm your email address:\n${context.origin}/verify-email?token=${token}\n\nThe link works for 24 hours.`,
      });
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) return null; // a concurrent sign-up with the same email won
      throw error;
    });
  if (emailId) await deliverEmail(db, emailId);
  return { ok: true };
}
