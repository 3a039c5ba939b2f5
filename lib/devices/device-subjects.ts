import type { NatsPermissionSpec } from "@/lib/nats-users/permission-spec";

/**
 * Device subjects follow seed 003's `license.<KEY>.<type>` routing, placed
 * under `events.` so the org's EVENTS stream (`events.>`) stores them: what is
 * sent to an offline device waits there for its sync. `<KEY>` is the license
 * key's public prefix, never its secret (subjects show up in monitoring and
 * in other clients' permissions).
 */
export const DEVICE_SUBJECT_ROOT = "events.license";

/** Everything addressed to (or sent by) one device. */
export function deviceSubject(prefix: string): string {
  return `${DEVICE_SUBJECT_ROOT}.${prefix}.>`;
}

/** Broadcasts to every device: `events.license.<any token, e.g. all>.broadcast.<type>`. */
export const BROADCAST_SUBJECT = `${DEVICE_SUBJECT_ROOT}.*.broadcast.>`;

/**
 * A device publishes and subscribes on its own subjects only, and also
 * receives broadcasts; it may not broadcast itself (publishing on its own
 * `….broadcast.…` would reach every device).
 */
export function devicePermissions(prefix: string): NatsPermissionSpec {
  return {
    pub: { allow: [deviceSubject(prefix)], deny: [BROADCAST_SUBJECT] },
    sub: { allow: [deviceSubject(prefix), BROADCAST_SUBJECT], deny: [] },
    resp: null,
  };
}
