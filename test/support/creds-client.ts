import { connect, credsAuthenticator, type NatsConnection } from "@nats-io/transport-node";

export type CredsClient = {
  nc: NatsConnection;
  /** Errors the server sent asynchronously (permission violations, revocation), in order. */
  errors: string[];
  /** Resolves with the first error matching `pattern`, or null after `timeoutMs`. */
  waitForError(pattern: RegExp, timeoutMs?: number): Promise<string | null>;
  /** When the server dropped the connection (ms since epoch), or null while it is up. */
  disconnectedAt(): number | null;
};

/** Connects with the text of a `.creds` file (no reconnects), recording what the server reports on the status stream. */
export async function connectWithCreds(url: string, creds: string, name = "test-client"): Promise<CredsClient> {
  const nc = await connect({ servers: url, name, authenticator: credsAuthenticator(new TextEncoder().encode(creds)), maxReconnectAttempts: 0, timeout: 3_000 });
  const errors: string[] = [];
  let disconnected: number | null = null;
  void (async () => {
    for await (const status of nc.status()) {
      if (status.type === "error") errors.push(String((status as { error?: Error }).error?.message ?? status));
      if (status.type === "disconnect" && disconnected === null) disconnected = Date.now();
    }
  })();
  void nc.closed().then(() => (disconnected ??= Date.now()));
  return {
    nc,
    errors,
    disconnectedAt: () => disconnected,
    async waitForError(pattern, timeoutMs = 2_000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const found = errors.find((error) => pattern.test(error));
        if (found) return found;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      return null;
    },
  };
}
