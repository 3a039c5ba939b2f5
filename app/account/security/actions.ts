"use server";

import type { PublicKeyCredentialCreationOptionsJSON, RegistrationResponseJSON } from "@simplewebauthn/server";
import { revalidatePath } from "next/cache";
import { changePassword } from "@/lib/auth/change-password";
import { confirmTotpEnrollment } from "@/lib/auth/confirm-totp-enrollment";
import { requireSession } from "@/lib/auth/current-user";
import { disableTotp } from "@/lib/auth/disable-totp";
import { finishPasskeyRegistration } from "@/lib/auth/finish-passkey-registration";
import { signOut } from "@/lib/auth/next-auth";
import { regenerateRecoveryCodes } from "@/lib/auth/regenerate-recovery-codes";
import { removePasskey } from "@/lib/auth/remove-passkey";
import { renamePasskey } from "@/lib/auth/rename-passkey";
import { revokeOtherSessions, revokeSession, type SessionActor } from "@/lib/auth/revoke-sessions";
import { startPasskeyRegistration } from "@/lib/auth/start-passkey-registration";
import { startTotpEnrollment, type TotpEnrollment } from "@/lib/auth/start-totp-enrollment";
import { getDb } from "@/lib/db/client";
import { currentRequest } from "@/lib/http/current-request";

export type ActionState = {
  error?: string;
  fieldErrors?: Record<string, string[] | undefined>;
  message?: string;
  enrollment?: Omit<TotpEnrollment, "uri">;
  recoveryCodes?: string[];
};

const PAGE = "/account/security";

async function actor(): Promise<SessionActor> {
  const session = await requireSession(PAGE);
  return { userId: session.userId, email: session.user.email, sessionId: session.id };
}

function text(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}

export async function changePasswordAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  const result = await changePassword(getDb(), await actor(), text(form, "currentPassword"), text(form, "newPassword"), await currentRequest());
  if (!result.ok) return { fieldErrors: result.fieldErrors };
  revalidatePath(PAGE);
  return { message: `Password changed.${result.signedOut ? ` ${result.signedOut} other session(s) were signed out.` : ""}` };
}

export async function startTotpAction(): Promise<ActionState> {
  const result = await startTotpEnrollment(getDb(), await actor());
  if ("error" in result) return { error: result.error };
  return { enrollment: { secret: result.secret, qrSvg: result.qrSvg } };
}

export async function confirmTotpAction(previous: ActionState, form: FormData): Promise<ActionState> {
  const result = await confirmTotpEnrollment(getDb(), await actor(), text(form, "code"), await currentRequest());
  if (!result.ok) return { ...previous, fieldErrors: { code: [result.error] } };
  revalidatePath(PAGE);
  return { message: "Authenticator app enabled.", recoveryCodes: result.recoveryCodes ?? undefined };
}

export async function disableTotpAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  const result = await disableTotp(getDb(), await actor(), text(form, "password"), await currentRequest());
  if (!result.ok) return { fieldErrors: { password: [result.error] } };
  revalidatePath(PAGE);
  return { message: "Authenticator app removed." };
}

export async function regenerateRecoveryCodesAction(): Promise<ActionState> {
  const result = await regenerateRecoveryCodes(getDb(), await actor(), await currentRequest());
  if (!result.ok) return { error: result.error };
  revalidatePath(PAGE);
  return { recoveryCodes: result.codes, message: "New recovery codes created. The old ones no longer work." };
}

export async function revokeSessionAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  const me = await actor();
  const id = text(form, "sessionId");
  const context = await currentRequest();
  const revoked = await getDb().$transaction((tx) => revokeSession(tx, me, id, "revoked_by_user", context));
  revalidatePath(PAGE);
  return revoked ? { message: "Session signed out." } : { error: "That session had already ended." };
}

export async function revokeOtherSessionsAction(): Promise<ActionState> {
  const me = await actor();
  const context = await currentRequest();
  const count = await getDb().$transaction((tx) => revokeOtherSessions(tx, me, "revoked_by_user", context));
  revalidatePath(PAGE);
  return { message: count ? `${count} other session(s) signed out.` : "There were no other sessions." };
}

export async function signOutAction(): Promise<void> {
  const me = await actor();
  const context = await currentRequest();
  await getDb().$transaction((tx) => revokeSession(tx, me, me.sessionId!, "sign_out", context));
  await signOut({ redirectTo: "/login" });
}

export async function startPasskeyRegistrationAction(): Promise<PublicKeyCredentialCreationOptionsJSON> {
  return startPasskeyRegistration(getDb(), await actor(), (await currentRequest()).origin);
}

export async function finishPasskeyRegistrationAction(response: RegistrationResponseJSON, name: string): Promise<ActionState> {
  const result = await finishPasskeyRegistration(getDb(), await actor(), response, name, await currentRequest());
  if (!result.ok) return { error: result.error };
  revalidatePath(PAGE);
  return { message: "Passkey added.", recoveryCodes: result.recoveryCodes ?? undefined };
}

export async function renamePasskeyAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  const result = await renamePasskey(getDb(), await actor(), text(form, "passkeyId"), text(form, "name"), await currentRequest());
  if (!result.ok) return { error: result.error };
  revalidatePath(PAGE);
  return { message: "Passkey renamed." };
}

export async function removePasskeyAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  const result = await removePasskey(getDb(), await actor(), text(form, "passkeyId"), await currentRequest());
  if (!result.ok) return { error: result.error };
  revalidatePath(PAGE);
  return { message: "Passkey removed." };
}
