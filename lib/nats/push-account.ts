import { decode, encodeAccount, type Account } from "@nats-io/jwt";
import { z } from "zod";
import type { AccountState } from "./build-account-claims";
import { buildAccountClaims, claimsHash } from "./build-account-claims";
import type { OperatorKeys } from "./derive-keys";
import type { SystemConnection } from "./system-connection";

const updateReply = z.union([
  z.object({ data: z.object({ account: z.string(), code: z.number(), message: z.string() }) }),
  z.object({ error: z.object({ account: z.string().optional(), code: z.number(), description: z.string() }) }),
]);

export class PushError extends Error {}

export type PushResult = { account: string; hash: string; claims: Partial<Account> };

// nats-server keeps whichever JWT arrived last, even an older one: pushes to
// one account (and its deletion) go one at a time, in order.
const queues = new Map<string, Promise<unknown>>();
export function serialised<T>(account: string, task: () => Promise<T>): Promise<T> {
  const previous = queues.get(account) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(task);
  queues.set(account, next);
  void next.finally(() => queues.get(account) === next && queues.delete(account)).catch(() => undefined);
  return next;
}

export type SignedAccount = PushResult & { jwt: string };

/**
 * Builds the org's account JWT and signs it with the operator, then decodes
 * it and checks issuer and subject: the server answers 200 even for a JWT it
 * will never honour.
 */
export async function signAccountJwt(keys: OperatorKeys, org: AccountState): Promise<SignedAccount> {
  const built = buildAccountClaims(org, keys);
  const jwt = await encodeAccount(built.name, keys.account(org.id, org.natsKeyGeneration), built.claims, { signer: keys.operator });
  const decoded = decode<Account>(jwt);
  if (decoded.iss !== keys.operator.getPublicKey() || decoded.sub !== built.publicKey) {
    throw new PushError(`refusing to push a JWT issued by ${decoded.iss} for ${decoded.sub}`);
  }
  return { account: built.publicKey, hash: claimsHash(built.claims), claims: built.claims, jwt };
}

/**
 * Signs the org's account JWT and pushes it with `$SYS.REQ.CLAIMS.UPDATE`,
 * parsing the reply: an error reply is a failure, not a success with a message.
 */
export async function pushAccount(system: SystemConnection, keys: OperatorKeys, org: AccountState): Promise<PushResult> {
  return serialised(keys.account(org.id, org.natsKeyGeneration).getPublicKey(), async () => send(system, await signAccountJwt(keys, org)));
}

/** Pushes a JWT signed earlier by `signAccountJwt` (a multi-account push signs everything before sending anything). */
export function pushSignedAccount(system: SystemConnection, signed: SignedAccount): Promise<PushResult> {
  return serialised(signed.account, () => send(system, signed));
}

async function send(system: SystemConnection, { jwt, ...pushed }: SignedAccount): Promise<PushResult> {
  const reply = await system.request("$SYS.REQ.CLAIMS.UPDATE", jwt, updateReply);
  if ("error" in reply) throw new PushError(`nats-server refused the account: ${reply.error.description}`);
  if (reply.data.code !== 200 || reply.data.account !== pushed.account) throw new PushError(`unexpected reply: ${reply.data.message}`);
  return pushed;
}
