import type { User } from "@nats-io/jwt";
import type { NatsUser } from "@/generated/prisma/client";
import { toUserPermissions, type NatsPermissionSpec } from "./permission-spec";

export type UserState = Pick<NatsUser, "kind" | "maxPayload" | "maxSubscriptions"> & { permissions: NatsPermissionSpec };

/**
 * A user's JWT claims as a pure function of its row. Permissions are the
 * user's own (the account's signing key is not scoped: a scoped key's users
 * may carry no permissions, and Cordon's users each have their own). Limits
 * are written out, -1 for none; nats-server has no per-user connection limit.
 * A leaf user may connect only as a leaf node.
 */
export function buildUserClaims(user: UserState): Partial<User> {
  return {
    ...toUserPermissions(user.permissions),
    subs: user.maxSubscriptions ?? -1,
    payload: user.maxPayload ?? -1,
    data: -1,
    ...(user.kind === "leaf" ? { allowed_connection_types: ["LEAFNODE"] } : {}),
  };
}
