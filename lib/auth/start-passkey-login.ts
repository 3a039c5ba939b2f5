import { generateAuthenticationOptions, type PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/server";
import type { Db } from "@/lib/db/client";
import { findUserToken } from "./user-tokens";
import { asTransports, relyingParty, storeWebAuthnChallenge } from "./webauthn";

/** Options for the browser to sign with one of the user's passkeys, during the second sign-in step. */
export async function startPasskeyLogin(db: Db, mfaChallenge: string, origin: string): Promise<PublicKeyCredentialRequestOptionsJSON | null> {
  const pending = await findUserToken(db, mfaChallenge, "mfa_challenge");
  if (!pending) return null;
  const passkeys = await db.passkey.findMany({ where: { userId: pending.userId } });
  if (passkeys.length === 0) return null;
  const options = await generateAuthenticationOptions({
    rpID: relyingParty(origin).rpID,
    allowCredentials: passkeys.map((passkey) => ({ id: passkey.credentialId, transports: asTransports(passkey.transports) })),
    userVerification: "preferred",
  });
  await db.$transaction((tx) => storeWebAuthnChallenge(tx, pending.userId, options.challenge, "authenticate"));
  return options;
}

/** Whether the user behind a pending sign-in has a passkey to offer. */
export async function pendingLoginHasPasskeys(db: Db, mfaChallenge: string | undefined): Promise<boolean> {
  const pending = await findUserToken(db, mfaChallenge, "mfa_challenge");
  return !!pending && (await db.passkey.count({ where: { userId: pending.userId } })) > 0;
}
