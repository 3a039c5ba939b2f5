import type { Prisma } from "@/generated/prisma/client";

/**
 * The Prisma include that loads an org's revocations still worth pushing
 * with it: a revoked key whose JWT has expired is refused by the servers
 * anyway, so short-lived credentials renewed often do not grow the account
 * JWT without bound.
 */
export function activeRevocations(now = new Date()) {
  return {
    natsRevocations: { where: { OR: [{ until: null }, { until: { gt: now } }] }, select: { publicKey: true, revokedAt: true }, orderBy: { publicKey: "asc" } },
  } satisfies Prisma.OrgInclude;
}
