import { z } from "zod";
import { endpoint } from "@/lib/gateway/endpoint";

export const listDevices = endpoint({
  method: "GET",
  path: "/orgs/{slug}/nats/devices",
  tag: "Devices",
  summary: "The org's devices (license keys), newest first, with when each last synced",
  permission: "nats_users:read",
});

export const createDevice = endpoint({
  method: "POST",
  path: "/orgs/{slug}/nats/devices",
  tag: "Devices",
  summary: "Register a device: a license key and the .creds of a NATS user confined to events.license.<prefix>.> plus broadcasts, both in this response only",
  permission: "nats_users:write",
  status: 201,
  body: z.object({ name: z.string().max(100), description: z.string().max(1000).optional() }),
});

export const revokeDevice = endpoint({
  method: "POST",
  path: "/orgs/{slug}/nats/devices/{id}/revoke",
  tag: "Devices",
  summary: "Revoke a device: its license key stops working and its NATS connections are cut",
  permission: "nats_users:write",
});

export const syncDevice = endpoint({
  method: "GET",
  path: "/devices/sync",
  tag: "Devices",
  summary:
    "For devices, authenticated by `X-License-Key` (no bearer token): the messages on the device's subjects and broadcasts that the org's EVENTS stream holds since `since` (a sequence: the previous `cursor`; or an ISO time; default: the previous sync), oldest first, at most 500 per call (`more`)",
  auth: "none",
  query: z.object({ since: z.string().max(64).optional() }),
});
