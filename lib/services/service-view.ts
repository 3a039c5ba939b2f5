import type { Service } from "@/generated/prisma/client";

/** A service as callers see it: never a secret, sealed or not. */
export type ServiceView = {
  id: string;
  name: string;
  baseUrl: string;
  createdAt: Date;
  updatedAt: Date;
  /** While a rotation overlaps: until when the previous secret still signs. Null otherwise. */
  previousSecretAcceptedUntil: Date | null;
};

/** The previous secret signs until it is retired or its overlap ends (no job needed: an expired one is simply ignored). */
export function previousSecretActive(service: Pick<Service, "previousSecretSealed" | "previousSecretExpiresAt">, now = new Date()): boolean {
  return Boolean(service.previousSecretSealed && service.previousSecretExpiresAt && service.previousSecretExpiresAt > now);
}

export function toServiceView(service: Service, now = new Date()): ServiceView {
  return {
    id: service.id,
    name: service.name,
    baseUrl: service.baseUrl,
    createdAt: service.createdAt,
    updatedAt: service.updatedAt,
    previousSecretAcceptedUntil: previousSecretActive(service, now) ? service.previousSecretExpiresAt : null,
  };
}
