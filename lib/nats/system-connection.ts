import { connect, credsAuthenticator, type NatsConnection } from "@nats-io/transport-node";
import type { z } from "zod";
import type { OperatorKeys } from "./derive-keys";
import { buildSystemUserCreds } from "./operator-jwts";

export type SystemConnectionOptions = {
  url: string;
  keys: OperatorKeys;
  /** How long the first connect may take before failing (ms). */
  connectTimeoutMs?: number;
  /** Keep retrying the first connect instead of failing (the app's boot uses this). */
  waitOnFirstConnect?: boolean;
};

export class NatsRequestError extends Error {
  constructor(
    message: string,
    readonly subject: string,
  ) {
    super(message);
  }
}

/**
 * Cordon's connection to the system account: the only connection allowed to
 * send `$SYS` requests (account pushes, monitoring). It reconnects forever;
 * callers ask `isConnected()` rather than holding on to a stale status.
 */
export class SystemConnection {
  #connected = true;

  private constructor(readonly nc: NatsConnection) {
    void this.#trackStatus();
  }

  static async open(options: SystemConnectionOptions): Promise<SystemConnection> {
    const creds = new TextEncoder().encode(await buildSystemUserCreds(options.keys));
    const nc = await connect({
      servers: options.url,
      name: "cordon-system",
      authenticator: credsAuthenticator(creds),
      timeout: options.connectTimeoutMs ?? 5_000,
      maxReconnectAttempts: -1,
      reconnectTimeWait: 1_000,
      waitOnFirstConnect: options.waitOnFirstConnect ?? false,
    });
    return new SystemConnection(nc);
  }

  isConnected(): boolean {
    return this.#connected && !this.nc.isClosed();
  }

  // Follows disconnects and reconnects, so readiness reflects a lost server promptly.
  async #trackStatus(): Promise<void> {
    for await (const status of this.nc.status()) {
      if (status.type === "disconnect") this.#connected = false;
      if (status.type === "reconnect") this.#connected = true;
    }
  }

  /** Sends a request and parses the JSON reply with `schema`; a malformed reply is an error, not a guess. */
  async request<T>(subject: string, payload: string | Uint8Array, schema: z.ZodType<T>, timeoutMs = 5_000): Promise<T> {
    let reply;
    try {
      reply = await this.nc.request(subject, payload, { timeout: timeoutMs });
    } catch (error) {
      throw new NatsRequestError(`NATS request to ${subject} failed: ${(error as Error).message}`, subject);
    }
    let body: unknown;
    try {
      body = reply.json();
    } catch {
      throw new NatsRequestError(`NATS reply on ${subject} is not JSON: ${reply.string().slice(0, 200)}`, subject);
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      throw new NatsRequestError(`NATS reply on ${subject} has an unexpected shape: ${parsed.error.message}`, subject);
    }
    return parsed.data;
  }

  async close(): Promise<void> {
    if (!this.nc.isClosed()) await this.nc.close();
  }
}
