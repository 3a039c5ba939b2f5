import { generateRegistrationOptions, type PublicKeyCredentialCreationOptionsJSON } from "@simplewebauthn/server";
import type { Db } from "@/lib/db/client";
import type { SessionActor } from "./revoke-sessions";
import { asTransports, relyingParty, storeWebAuthnChallenge } from "./webauthn";

/** Options for the browser to create a passkey for the signed-in user (existing ones are excluded). */
export async function startPasskeyRegistration(db: Db, actor: SessionActor, origin: string): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.userId }, include: { passkeys: true } });
  const rp = relyingParty(origin);
  const options = await generateRegistrationOptions({
    rpName: rp.rpName,
    rpID: rp.rpID,
    userName: user.email,
    userDisplayName: user.name,
    userID: new TextEncoder().encode(user.id),
    attestationType: "none",
    excludeCredentials: user.passkeys.map((passkey) => ({ id: passkey.credentialId, transports: asTransports(passkey.transports) })),
    authenticatorSelection: { residentKey: "preferred", userVerification: "preferred" },
  });
  await db.$transaction((tx) => storeWebAuthnChallenge(tx, user.id, options.challenge, "register"));
  return options;
}
