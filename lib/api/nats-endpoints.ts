import { z } from "zod";
import { endpoint } from "@/lib/gateway/endpoint";

const limits = {
  maxBytes: z.number().int().optional(),
  maxAgeSeconds: z.number().int().optional(),
  maxMsgSize: z.number().int().optional(),
};

export const getAccount = endpoint({
  method: "GET",
  path: "/orgs/{slug}/nats",
  tag: "NATS",
  summary: "The org's NATS account: public key, status (pending with the reason, or active), plan limits, last push, live usage",
  permission: "nats_account:read",
});

export const changeTier = endpoint({
  method: "PATCH",
  path: "/orgs/{slug}/nats",
  tag: "NATS",
  summary: "Change the plan: the account is rebuilt and pushed at once and the servers enforce the new limits without a restart",
  permission: "nats_account:write",
  body: z.object({ tier: z.enum(["free", "pro", "enterprise"]) }),
});

export const listStreams = endpoint({
  method: "GET",
  path: "/orgs/{slug}/nats/streams",
  tag: "NATS",
  summary: "The org's JetStream streams with messages, bytes, consumers and last activity",
  permission: "nats_streams:read",
});

export const createStream = endpoint({
  method: "POST",
  path: "/orgs/{slug}/nats/streams",
  tag: "NATS",
  summary: "Create a stream within the plan's limits (stream count, storage, message size)",
  permission: "nats_streams:write",
  status: 201,
  body: z.object({ name: z.string().max(64), subjects: z.array(z.string().max(256)).max(32), storage: z.enum(["file", "memory"]).optional(), ...limits }),
});

export const getStream = endpoint({
  method: "GET",
  path: "/orgs/{slug}/nats/streams/{name}",
  tag: "NATS",
  summary: "One stream",
  permission: "nats_streams:read",
});

export const updateStream = endpoint({
  method: "PATCH",
  path: "/orgs/{slug}/nats/streams/{name}",
  tag: "NATS",
  summary: "Change a stream's subjects or limits (not the system streams EVENTS, DLQ, WEBHOOK_RETRY)",
  permission: "nats_streams:write",
  body: z.object({ subjects: z.array(z.string().max(256)).max(32).optional(), ...limits }),
});

export const deleteStream = endpoint({
  method: "DELETE",
  path: "/orgs/{slug}/nats/streams/{name}",
  tag: "NATS",
  summary: "Delete a stream and its messages (system streams cannot be deleted)",
  permission: "nats_streams:delete",
  status: 204,
});

export const purgeStream = endpoint({
  method: "POST",
  path: "/orgs/{slug}/nats/streams/{name}/purge",
  tag: "NATS",
  summary: "Remove every message of a stream, keeping the stream",
  permission: "nats_streams:delete",
});
