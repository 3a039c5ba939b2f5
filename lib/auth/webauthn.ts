import type { AuthenticatorTransport } from "@simplewebauthn/server";
import type { Tx } from "@/lib/db/transaction";
import { consumeUserToken, hashToken, TOKEN_LIFETIMES_MS } from "./user-tokens";

/** The relying party is this site: its host name is the RP ID, so passkeys stay bound to the origin they were made on. */
export function relyingParty(origin: string) {
  return { rpName: "Cordon", rpID: new URL(origin).hostname, origin };
}

/** Remembers a challenge we issued to `userId`; the challenge itself is the single-use token. */
export async function storeWebAuthnChallenge(tx: Tx, userId: string, challenge: string, kind: "register" | "authenticate"): Promise<void> {
  await tx.userToken.create({
    data: {
      userId,
      purpose: "webauthn_challenge",
      tokenHash: hashToken(challenge),
      data: { kind },
      expiresAt: new Date(Date.now() + TOKEN_LIFETIMES_MS.webauthn_challenge),
    },
  });
}

/** The challenge the browser signed, read from clientDataJSON, if we issued it to this user for this purpose and it is unused. */
export async function consumeWebAuthnChallenge(tx: Tx, userId: string, clientDataJSON: string, kind: "register" | "authenticate"): Promise<string | null> {
  let challenge: unknown;
  try {
    challenge = JSON.parse(Buffer.from(clientDataJSON, "base64url").toString("utf8")).challenge;
  } catch {
    return null;
  }
  if (typeof challenge !== "string") return null;
  const token = await consumeUserToken(tx, challenge, "webauthn_challenge");
  return token && token.userId === userId && (token.data as { kind?: string }).kind === kind ? challenge : null;
}

export function asTransports(values: string[]): AuthenticatorTransport[] {
  return values as AuthenticatorTransport[];
}
