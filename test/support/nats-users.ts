import { encodeUser, fmtCreds } from "@nats-io/jwt";
import { createUser } from "@nats-io/nkeys";
import { connect, credsAuthenticator, type NatsConnection } from "@nats-io/transport-node";
import type { OperatorKeys } from "@/lib/nats/derive-keys";
import { FastKeyPair } from "@/lib/nats/key-pair";

/**
 * Connects to NATS as a fresh user of an org's account, signed by the
 * account's derived signing key, the way Cordon issues user credentials.
 */
export async function connectAsOrgUser(url: string, keys: OperatorKeys, org: { id: string; natsKeyGeneration: number }): Promise<NatsConnection> {
  const user = new FastKeyPair(createUser().getSeed());
  const jwt = await encodeUser(
    "test-user",
    user,
    keys.account(org.id, org.natsKeyGeneration),
    {},
    { signer: keys.accountSigningKey(org.id, org.natsKeyGeneration) },
  );
  return connect({ servers: url, authenticator: credsAuthenticator(fmtCreds(jwt, user)), maxReconnectAttempts: 0, timeout: 3_000 });
}

/** Whether one more user of the org can connect now (the connection is closed again). */
export async function canConnectAsOrgUser(url: string, keys: OperatorKeys, org: { id: string; natsKeyGeneration: number }): Promise<boolean> {
  try {
    const connection = await connectAsOrgUser(url, keys, org);
    await connection.flush();
    await new Promise((resolve) => setTimeout(resolve, 200)); // an over-limit client is cut right after connecting
    const open = !connection.isClosed();
    await connection.close().catch(() => undefined);
    return open;
  } catch {
    return false;
  }
}
