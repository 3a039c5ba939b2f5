import { encodeUser, fmtCreds } from "@nats-io/jwt";
import { createUser } from "@nats-io/nkeys";
import { connect, credsAuthenticator, PermissionViolationError, type NatsConnection } from "@nats-io/transport-node";
import type { OperatorKeys } from "@/lib/nats/derive-keys";
import { FastKeyPair } from "@/lib/nats/key-pair";
import { toUserPermissions, type NatsPermissionSpec } from "@/lib/nats-users/permission-spec";

/** A connection plus every permission violation the server has reported to it so far. */
export type PermissionedConnection = { nc: NatsConnection; violations: PermissionViolationError[] };

/**
 * Connects as a fresh user of an org's account carrying `spec`'s permissions,
 * signed by the account's derived signing key. The server reports refusals
 * asynchronously (`-ERR 'Permissions Violation for …'`); nats.js turns them
 * into `status()` events of type "error", collected in `violations`.
 */
export async function connectWithPermissions(
  url: string,
  keys: OperatorKeys,
  org: { id: string; natsKeyGeneration: number },
  spec: NatsPermissionSpec,
): Promise<PermissionedConnection> {
  const user = new FastKeyPair(createUser().getSeed());
  const jwt = await encodeUser("permission-test", user, keys.account(org.id, org.natsKeyGeneration), toUserPermissions(spec), {
    signer: keys.accountSigningKey(org.id, org.natsKeyGeneration),
  });
  const nc = await connect({ servers: url, authenticator: credsAuthenticator(fmtCreds(jwt, user)), maxReconnectAttempts: 0, timeout: 3_000 });
  const violations: PermissionViolationError[] = [];
  void (async () => {
    for await (const status of nc.status()) {
      if (status.type === "error" && status.error instanceof PermissionViolationError) violations.push(status.error);
    }
  })();
  return { nc, violations };
}

/**
 * Waits until the server has answered everything sent so far on `nc`. Its
 * violation errors are written before the PONG that ends a flush, and the
 * status iterator delivers them on the next turn of the event loop.
 */
export async function settle(nc: NatsConnection): Promise<void> {
  await nc.flush();
  await new Promise((resolve) => setImmediate(resolve));
}
