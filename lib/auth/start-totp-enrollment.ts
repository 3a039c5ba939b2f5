import type { Db } from "@/lib/db/client";
import type { SessionActor } from "./revoke-sessions";
import { generateTotpSecret, totpKeyUri } from "./totp";
import { totpQrSvg } from "./totp-qr";
import { sealTotpSecret } from "./totp-secret";

export type TotpEnrollment = { secret: string; uri: string; qrSvg: string };

/**
 * Starts (or restarts) adding an authenticator app: a new secret that does not
 * count until confirmed with a code. An already confirmed app is left alone.
 */
export async function startTotpEnrollment(db: Db, actor: SessionActor): Promise<TotpEnrollment | { error: string }> {
  const existing = await db.totpCredential.findUnique({ where: { userId: actor.userId } });
  if (existing?.confirmedAt) return { error: "An authenticator app is already set up. Remove it first to add a new one." };
  const secret = generateTotpSecret();
  const secretSealed = sealTotpSecret(secret);
  await db.totpCredential.upsert({
    where: { userId: actor.userId },
    create: { userId: actor.userId, secretSealed },
    update: { secretSealed, lastUsedStep: null },
  });
  const uri = totpKeyUri({ secret, accountName: actor.email });
  return { secret, uri, qrSvg: await totpQrSvg(uri) };
}
