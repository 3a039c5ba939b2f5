import type { SystemConnection } from "@/lib/nats/system-connection";

/**
 * What the server has brought up so far. Kept on globalThis because Next
 * loads instrumentation and route handlers as separate module graphs.
 */
export type BootState = {
  startedAt: number;
  system?: SystemConnection;
  natsError?: string;
  reconciled: boolean;
};

const holder = globalThis as typeof globalThis & { __cordonBoot?: BootState };

export function bootState(): BootState {
  holder.__cordonBoot ??= { startedAt: Date.now(), reconciled: false };
  return holder.__cordonBoot;
}
