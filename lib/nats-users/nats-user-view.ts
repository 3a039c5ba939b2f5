import type { NatsUser, NatsUserKind, Prisma } from "@/generated/prisma/client";
import type { NatsPermissionSpec } from "./permission-spec";

export type NatsUserStatus = "active" | "expired" | "revoked";

/** A NATS user as the console and the API show it: never a seed or a JWT. */
export type NatsUserView = {
  id: string;
  name: string;
  kind: NatsUserKind;
  description: string;
  permissions: NatsPermissionSpec;
  expiresAt: string | null;
  maxPayload: number | null;
  maxSubscriptions: number | null;
  publicKey: string;
  status: NatsUserStatus;
  revokedAt: string | null;
  createdBy: { id: string; name: string; email: string } | null;
  lastIssuedAt: string;
  createdAt: string;
  updatedAt: string;
};

export const NATS_USER_INCLUDE = { createdBy: { select: { id: true, name: true, email: true } } } as const satisfies Prisma.NatsUserInclude;

export type NatsUserRow = NatsUser & { createdBy: { id: string; name: string; email: string } | null };

export function natsUserStatus(user: Pick<NatsUser, "revokedAt" | "expiresAt">, now = new Date()): NatsUserStatus {
  if (user.revokedAt) return "revoked";
  if (user.expiresAt && user.expiresAt.getTime() <= now.getTime()) return "expired";
  return "active";
}

/** The stored spec; the column holds only what `natsPermissionSpec` accepted. */
export function storedPermissions(user: Pick<NatsUser, "permissions">): NatsPermissionSpec {
  return user.permissions as unknown as NatsPermissionSpec;
}

export function natsUserView(user: NatsUserRow, now = new Date()): NatsUserView {
  return {
    id: user.id,
    name: user.name,
    kind: user.kind,
    description: user.description,
    permissions: storedPermissions(user),
    expiresAt: user.expiresAt?.toISOString() ?? null,
    maxPayload: user.maxPayload,
    maxSubscriptions: user.maxSubscriptions,
    publicKey: user.publicKey,
    status: natsUserStatus(user, now),
    revokedAt: user.revokedAt?.toISOString() ?? null,
    createdBy: user.createdBy,
    lastIssuedAt: user.lastIssuedAt.toISOString(),
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
  };
}

/**
 * One line for a table: what the user may publish and subscribe to, and
 * whether it may reply. An empty allow list allows everything, except that
 * with allow_responses nats-server reads it as "publish nothing but replies".
 */
export function permissionsSummary(spec: NatsPermissionSpec): string {
  const side = (label: string, rules: { allow: string[]; deny: string[] }, none: string) => {
    const allow = rules.allow.length ? rules.allow.join(", ") : none;
    return `${label}: ${allow}${rules.deny.length ? ` except ${rules.deny.join(", ")}` : ""}`;
  };
  const parts = [side("pub", spec.pub, spec.resp ? "replies only" : "anything"), side("sub", spec.sub, "anything")];
  if (spec.resp) parts.push(`replies: ${spec.resp.max} within ${spec.resp.ttlSeconds}s`);
  return parts.join(" · ");
}
