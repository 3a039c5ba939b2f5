/**
 * Connections into org accounts, for work that must happen inside an account
 * (JetStream streams: `$JS.API` is per account, so the system connection
 * cannot reach it).
 *
 * Choices:
 * - One connection per org, shared by every request for it, not one per
 *   request: a connect is a TCP + TLS handshake plus JWT verification, and each
 *   connection counts against the account's connection limit.
 * - Lazy: an org gets a connection on its first use, so booting with 1,000 orgs
 *   opens none until work needs them, and concurrent first uses share one
 *   connect.
 * - Bounded, least recently used out: at most `capacity` connections exist.
 *   A new one replaces the least recently used idle one; when every connection
 *   is in use the caller waits for one to be released, so a reconcile over
 *   1,000 orgs never holds more than `capacity` connections at once.
 * - Self-healing: a connection that closes (server gone too long, account
 *   deleted) is dropped and re-made on the next use.
 *
 * The pool connects as an in-memory "service user": its nkey is random per
 * pool and never stored; for each org a user JWT is signed by the account's
 * derived signing key.
 */
import { encodeUser, fmtCreds } from "@nats-io/jwt";
import { createUser } from "@nats-io/nkeys";
import { connect, credsAuthenticator, type NatsConnection } from "@nats-io/transport-node";
import type { Org } from "@/generated/prisma/client";
import type { OperatorKeys } from "./derive-keys";
import { FastKeyPair } from "./key-pair";

/** Connections the pool keeps when neither the caller nor `NATS_POOL_SIZE` says otherwise. */
export const DEFAULT_POOL_CAPACITY = 64;

export type PoolOrg = Pick<Org, "id" | "natsKeyGeneration">;

export type OrgConnectionPoolOptions = {
  url: string;
  keys: OperatorKeys;
  /** Most connections open at once (default 64). */
  capacity?: number;
  connectTimeoutMs?: number;
};

type Entry = { key: string; connection: Promise<NatsConnection>; leases: number };

export class OrgConnectionPool {
  readonly capacity: number;
  readonly #options: OrgConnectionPoolOptions;
  readonly #user = new FastKeyPair(createUser().getSeed());
  // Insertion order is recency: the first entry is the least recently used.
  readonly #entries = new Map<string, Entry>();
  #waiting: (() => void)[] = [];
  #closed = false;

  constructor(options: OrgConnectionPoolOptions) {
    this.capacity = options.capacity ?? DEFAULT_POOL_CAPACITY;
    if (!Number.isInteger(this.capacity) || this.capacity < 1) throw new Error(`pool capacity must be a positive integer, not ${this.capacity}`);
    this.#options = options;
  }

  /** Connections open or opening. */
  get size(): number {
    return this.#entries.size;
  }

  /** Runs `task` with the org's connection, which stays leased (never evicted) until the task settles. */
  async withConnection<T>(org: PoolOrg, task: (nc: NatsConnection) => Promise<T>): Promise<T> {
    const entry = await this.#lease(org);
    try {
      return await task(await entry.connection);
    } finally {
      entry.leases--;
      this.#waiting.shift()?.();
    }
  }

  async close(): Promise<void> {
    this.#closed = true;
    for (const wake of this.#waiting.splice(0)) wake();
    const entries = [...this.#entries.values()];
    this.#entries.clear();
    await Promise.all(entries.map((entry) => closeConnection(entry)));
  }

  async #lease(org: PoolOrg): Promise<Entry> {
    // The generation is part of the key: after a key rotation the old account's connection is useless.
    const key = `${org.id}:${org.natsKeyGeneration}`;
    for (;;) {
      if (this.#closed) throw new Error("The NATS connection pool is closed.");
      const existing = this.#entries.get(key);
      if (existing) {
        this.#entries.delete(key);
        this.#entries.set(key, existing);
        existing.leases++;
        return existing;
      }
      if (this.#entries.size < this.capacity) return this.#open(key, org);
      const idle = [...this.#entries.values()].find((entry) => entry.leases === 0);
      if (idle) {
        this.#entries.delete(idle.key);
        return this.#open(key, org, closeConnection(idle));
      }
      await new Promise<void>((resolve) => this.#waiting.push(resolve));
    }
  }

  /** Adds a leased entry at once (so concurrent uses share it); connects after `evicted` has closed, to stay within capacity on the server too. */
  #open(key: string, org: PoolOrg, evicted?: Promise<void>): Entry {
    const entry: Entry = { key, leases: 1, connection: evicted ? evicted.then(() => this.#connect(org)) : this.#connect(org) };
    this.#entries.set(key, entry);
    const drop = () => {
      if (this.#entries.get(key) !== entry) return;
      this.#entries.delete(key);
      this.#waiting.shift()?.();
    };
    entry.connection.then((nc) => nc.closed().then(drop), drop);
    return entry;
  }

  async #connect(org: PoolOrg): Promise<NatsConnection> {
    const { keys } = this.#options;
    const jwt = await encodeUser(
      "cordon-service",
      this.#user,
      keys.account(org.id, org.natsKeyGeneration),
      {},
      { signer: keys.accountSigningKey(org.id, org.natsKeyGeneration) },
    );
    return connect({
      servers: this.#options.url,
      name: `cordon-pool:${org.id}`,
      authenticator: credsAuthenticator(fmtCreds(jwt, this.#user)),
      timeout: this.#options.connectTimeoutMs ?? 5_000,
      // Rides out a short outage; after that the connection closes and the next use makes a new one.
      maxReconnectAttempts: 10,
      reconnectTimeWait: 1_000,
    });
  }
}

async function closeConnection(entry: Entry): Promise<void> {
  const nc = await entry.connection.catch(() => undefined);
  if (nc && !nc.isClosed()) await nc.close().catch(() => undefined);
}
