"use server";

import type { AuthenticationResponseJSON, PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/server";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { GENERIC_LOGIN_FAILURE, LOCKED_MESSAGE, RATE_LIMITED_MESSAGE } from "@/lib/auth/login-rules";
import { finishPasskeyLogin } from "@/lib/auth/finish-passkey-login";
import { loginInput, loginWithPassword } from "@/lib/auth/login-with-password";
import { signIn } from "@/lib/auth/next-auth";
import { requestPasswordReset, resetPassword } from "@/lib/auth/reset-password";
import { signUp } from "@/lib/auth/sign-up";
import { startPasskeyLogin } from "@/lib/auth/start-passkey-login";
import { unlockAccount } from "@/lib/auth/unlock-account";
import { verifyEmail } from "@/lib/auth/verify-email";
import { mfaCodeInput, verifyMfaCode, type MfaResult } from "@/lib/auth/verify-mfa-code";
import { getDb } from "@/lib/db/client";
import { currentRequest } from "@/lib/http/current-request";

export type FormState = {
  error?: string;
  fieldErrors?: Record<string, string[] | undefined>;
  done?: boolean;
  values?: Record<string, string>;
};

const MFA_COOKIE = "cordon_mfa";
const AFTER_LOGIN = "/orgs";

/** Only same-site paths, so `?next=` cannot send anyone elsewhere. */
function safeNext(value: FormDataEntryValue | null): string {
  const next = typeof value === "string" ? value : "";
  return next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : AFTER_LOGIN;
}

function text(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}

async function finishSignIn(ticket: string, next: string): Promise<never> {
  (await cookies()).delete(MFA_COOKIE);
  await signIn("credentials", { ticket, redirectTo: next });
  redirect(next); // signIn redirects; this line keeps the type honest
}

export async function loginAction(_previous: FormState, form: FormData): Promise<FormState> {
  const values = { email: text(form, "email") };
  const parsed = loginInput.safeParse({ email: values.email, password: text(form, "password") });
  if (!parsed.success) return { fieldErrors: z.flattenError(parsed.error).fieldErrors, values };
  const next = safeNext(form.get("next"));
  const result = await loginWithPassword(getDb(), parsed.data, await currentRequest());
  switch (result.status) {
    case "signed_in":
      return finishSignIn(result.ticket, next);
    case "mfa_required": {
      const secure = (await currentRequest()).origin.startsWith("https:");
      (await cookies()).set(MFA_COOKIE, result.challenge, { httpOnly: true, sameSite: "lax", secure, path: "/", maxAge: 600 });
      redirect(`/mfa?next=${encodeURIComponent(next)}`);
    }
    case "locked":
      return { error: LOCKED_MESSAGE, values };
    case "rate_limited":
      return { error: RATE_LIMITED_MESSAGE, values };
    case "invalid":
      return { error: GENERIC_LOGIN_FAILURE, values };
  }
}

/** What the second sign-in step should say for a result other than success. */
function mfaFailure(result: Exclude<MfaResult, { status: "signed_in" }>, field: string): FormState {
  switch (result.status) {
    case "expired":
      return { error: "Your sign-in took too long. Start again from the sign-in page." };
    case "locked":
      return { error: LOCKED_MESSAGE };
    case "invalid":
      return {
        fieldErrors: {
          [field]: [
            result.reason === "replayed"
              ? "That code was already used. Wait for the next one."
              : field === "passkey"
                ? "That passkey did not work. Try again or use a code."
                : "That code is not right. Try the newest code, or a recovery code.",
          ],
        },
      };
  }
}

export async function startPasskeyLoginAction(): Promise<PublicKeyCredentialRequestOptionsJSON | null> {
  const challenge = (await cookies()).get(MFA_COOKIE)?.value ?? "";
  return startPasskeyLogin(getDb(), challenge, (await currentRequest()).origin);
}

export async function finishPasskeyLoginAction(response: AuthenticationResponseJSON, next: string): Promise<FormState> {
  const challenge = (await cookies()).get(MFA_COOKIE)?.value ?? "";
  const result = await finishPasskeyLogin(getDb(), challenge, response, await currentRequest());
  if (result.status === "signed_in") return finishSignIn(result.ticket, safeNext(next));
  return mfaFailure(result, "passkey");
}

export async function mfaAction(_previous: FormState, form: FormData): Promise<FormState> {
  const parsed = mfaCodeInput.safeParse({ code: text(form, "code") });
  if (!parsed.success) return { fieldErrors: z.flattenError(parsed.error).fieldErrors };
  const challenge = (await cookies()).get(MFA_COOKIE)?.value ?? "";
  const result = await verifyMfaCode(getDb(), challenge, parsed.data.code, await currentRequest());
  if (result.status === "signed_in") return finishSignIn(result.ticket, safeNext(form.get("next")));
  return mfaFailure(result, "code");
}

export async function signUpAction(_previous: FormState, form: FormData): Promise<FormState> {
  const values = { email: text(form, "email"), name: text(form, "name") };
  const result = await signUp(getDb(), { ...values, password: text(form, "password") }, await currentRequest());
  if (!result.ok) return { fieldErrors: result.fieldErrors, values };
  return { done: true, values };
}

export async function verifyEmailAction(_previous: FormState, form: FormData): Promise<FormState> {
  const ok = await verifyEmail(getDb(), text(form, "token"), await currentRequest());
  return ok ? { done: true } : { error: "This verification link is invalid, already used or expired." };
}

export async function unlockAction(_previous: FormState, form: FormData): Promise<FormState> {
  const ok = await unlockAccount(getDb(), text(form, "token"), await currentRequest());
  return ok ? { done: true } : { error: "This unlock link is invalid, already used or expired. The lock ends by itself after 15 minutes." };
}

export async function forgotPasswordAction(_previous: FormState, form: FormData): Promise<FormState> {
  const values = { email: text(form, "email") };
  const result = await requestPasswordReset(getDb(), values, await currentRequest());
  return result.ok ? { done: true, values } : { fieldErrors: result.fieldErrors, values };
}

export async function resetPasswordAction(_previous: FormState, form: FormData): Promise<FormState> {
  const result = await resetPassword(getDb(), text(form, "token"), text(form, "password"), await currentRequest());
  if (result.ok) return { done: true };
  return result.problems ? { fieldErrors: { password: result.problems } } : { error: result.error };
}
