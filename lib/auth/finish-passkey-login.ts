import { verifyAuthenticationResponse, type AuthenticationResponseJSON } from "@simplewebauthn/server";
import type { Db } from "@/lib/db/client";
import type { HttpContext } from "@/lib/http/request-context";
import { deliverEmail } from "@/lib/mail/send-email";
import { completeLogin } from "./complete-login";
import { isLocked, recordLoginFailure } from "./record-login-failure";
import { consumeUserToken, findUserToken } from "./user-tokens";
import type { MfaResult } from "./verify-mfa-code";
import { asTransports, consumeWebAuthnChallenge, relyingParty } from "./webauthn";

/** Step two of signing in with a passkey: the signature must come from one of the user's passkeys, over our challenge. */
export async function finishPasskeyLogin(db: Db, mfaChallenge: string, response: AuthenticationResponseJSON, context: HttpContext): Promise<MfaResult> {
  const pending = await findUserToken(db, mfaChallenge, "mfa_challenge");
  if (!pending) return { status: "expired" };
  const user = await db.user.findUniqueOrThrow({ where: { id: pending.userId } });
  if (isLocked(user)) return { status: "locked" };
  const rp = relyingParty(context.origin);

  const outcome = await db.$transaction(async (tx) => {
    const challenge = await consumeWebAuthnChallenge(tx, user.id, response?.response?.clientDataJSON ?? "", "authenticate");
    const passkey = await tx.passkey.findFirst({ where: { userId: user.id, credentialId: String(response?.id ?? "") } });
    let verified = false;
    if (challenge && passkey) {
      try {
        const result = await verifyAuthenticationResponse({
          response,
          expectedChallenge: challenge,
          expectedOrigin: rp.origin,
          expectedRPID: rp.rpID,
          credential: {
            id: passkey.credentialId,
            publicKey: new Uint8Array(passkey.publicKey),
            counter: Number(passkey.counter),
            transports: asTransports(passkey.transports),
          },
        });
        verified = result.verified;
        if (verified) await tx.passkey.update({ where: { id: passkey.id }, data: { counter: result.authenticationInfo.newCounter, lastUsedAt: new Date() } });
      } catch {
        verified = false; // a malformed or replayed assertion is a failed attempt, not a server error
      }
    }
    if (!verified) return { kind: "failed" as const, failure: await recordLoginFailure(tx, user, "passkey_invalid", context) };
    if (!(await consumeUserToken(tx, mfaChallenge, "mfa_challenge"))) return { kind: "expired" as const };
    return { kind: "passed" as const, ticket: await completeLogin(tx, user.id, "passkey") };
  });

  if (outcome.kind === "passed") return { status: "signed_in", ticket: outcome.ticket };
  if (outcome.kind === "expired") return { status: "expired" };
  if (outcome.failure.emailId) await deliverEmail(db, outcome.failure.emailId);
  return outcome.failure.locked ? { status: "locked" } : { status: "invalid", reason: "invalid" };
}
