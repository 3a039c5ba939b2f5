import { verifyRegistrationResponse, type RegistrationResponseJSON } from "@simplewebauthn/server";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db/client";
import type { HttpContext } from "@/lib/http/request-context";
import { replaceRecoveryCodes } from "./confirm-totp-enrollment";
import type { SessionActor } from "./revoke-sessions";
import { userMfaMethods } from "./user-mfa";
import { consumeWebAuthnChallenge, relyingParty } from "./webauthn";

export const passkeyName = z.string().trim().min(1, "Name the passkey, e.g. “Work laptop”.").max(60, "Keep the name under 60 characters.");

export type FinishRegistration = { ok: true; recoveryCodes: string[] | null } | { ok: false; error: string };

/** Verifies the browser's new credential against the challenge we issued and stores its public key. */
export async function finishPasskeyRegistration(
  db: Db,
  actor: SessionActor,
  response: RegistrationResponseJSON,
  name: string,
  context: HttpContext,
): Promise<FinishRegistration> {
  const parsedName = passkeyName.safeParse(name);
  if (!parsedName.success) return { ok: false, error: parsedName.error.issues[0].message };
  const rp = relyingParty(context.origin);
  const hadMfa = (await userMfaMethods(db, actor.userId)).hasMfa;
  return db.$transaction(async (tx) => {
    const challenge = await consumeWebAuthnChallenge(tx, actor.userId, response?.response?.clientDataJSON ?? "", "register");
    if (!challenge) return { ok: false as const, error: "This passkey request expired. Try again." };
    let verification;
    try {
      verification = await verifyRegistrationResponse({ response, expectedChallenge: challenge, expectedOrigin: rp.origin, expectedRPID: rp.rpID });
    } catch (error) {
      return { ok: false as const, error: `The passkey could not be verified: ${(error as Error).message}` };
    }
    if (!verification.verified) return { ok: false as const, error: "The passkey could not be verified." };
    const { credential } = verification.registrationInfo;
    const passkey = await tx.passkey.create({
      data: {
        userId: actor.userId,
        credentialId: credential.id,
        publicKey: Buffer.from(credential.publicKey),
        counter: credential.counter,
        transports: credential.transports ?? [],
        name: parsedName.data,
      },
    });
    await recordAudit(tx, {
      action: "passkey.add",
      actor: { type: "user", id: actor.userId, label: actor.email },
      target: { type: "passkey", id: passkey.id, label: passkey.name },
      context,
    });
    return { ok: true as const, recoveryCodes: hadMfa ? null : await replaceRecoveryCodes(tx, actor.userId) };
  });
}
