import { encodeUser, fmtCreds } from "@nats-io/jwt";
import { createUser } from "@nats-io/nkeys";
import type { Org } from "@/generated/prisma/client";
import type { OperatorKeys } from "@/lib/nats/derive-keys";
import { FastKeyPair } from "@/lib/nats/key-pair";
import { buildUserClaims, type UserState } from "./build-user-claims";

export type IssuedCreds = { publicKey: string; creds: string; issuedAt: Date };

/**
 * A fresh user key and its JWT, signed by the account's signing key (with
 * `issuer_account` naming the account), as the text of a `.creds` file. The
 * seed exists only in the returned text: the caller stores `publicKey` and
 * hands `creds` out once.
 */
export async function issueUserCreds(
  keys: OperatorKeys,
  org: Pick<Org, "id" | "natsKeyGeneration">,
  user: UserState & { name: string; expiresAt: Date | null },
): Promise<IssuedCreds> {
  const userKey = new FastKeyPair(createUser().getSeed());
  const issuedAt = new Date();
  // The JWT's name is what CONNZ reports as `name_tag`: connections can be matched to users by it.
  const jwt = await encodeUser(user.name, userKey, keys.account(org.id, org.natsKeyGeneration), buildUserClaims(user), {
    signer: keys.accountSigningKey(org.id, org.natsKeyGeneration),
    ...(user.expiresAt ? { exp: Math.floor(user.expiresAt.getTime() / 1000) } : {}),
  });
  return { publicKey: userKey.getPublicKey(), creds: new TextDecoder().decode(fmtCreds(jwt, userKey)), issuedAt };
}
