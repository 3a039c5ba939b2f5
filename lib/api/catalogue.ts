import type { Endpoint } from "@/lib/gateway/endpoint";
import * as apiKeys from "./api-key-endpoints";
import * as audit from "./audit-endpoints";
import * as auth from "./auth-endpoints";
import * as billing from "./billing-endpoints";
import * as invites from "./invite-endpoints";
import * as members from "./member-endpoints";
import * as orgs from "./org-endpoints";
import * as roles from "./role-endpoints";
import * as services from "./service-endpoints";
import * as nats from "./nats-endpoints";
import * as natsUsers from "./nats-user-endpoints";
import * as devices from "./device-endpoints";
import * as teams from "./team-endpoints";

const isEndpoint = (value: unknown): value is Endpoint =>
  typeof value === "object" && value !== null && "method" in value && "path" in value && "summary" in value;

/** Every /api/v1 endpoint, in reference order: the OpenAPI document is built from this list. */
export const API_ENDPOINTS: Endpoint[] = [auth, orgs, members, teams, invites, roles, apiKeys, services, nats, natsUsers, devices, billing, audit].flatMap(
  (module) =>
    Object.values(module)
      .flatMap((value) => (Array.isArray(value) ? value : [value]))
      .filter(isEndpoint),
);
