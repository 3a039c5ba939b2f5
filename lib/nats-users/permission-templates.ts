import { devicePermissions } from "@/lib/devices/device-subjects";
import { DEFAULT_RESPONSES, validateToken, type NatsPermissionSpec } from "./permission-spec";

/** A value the template puts between dots; each must pass `validateToken`. */
export type TemplateParameter = { key: string; label: string; example: string };

export type PermissionTemplate = {
  id: string;
  name: string;
  description: string;
  parameters: TemplateParameter[];
  build(values: Record<string, string>): NatsPermissionSpec;
};

export const PERMISSION_TEMPLATES: PermissionTemplate[] = [
  {
    id: "service-responder",
    name: "Service responder",
    description: "Answers requests on svc.<service>.> as a member of a queue group; replies only through allow_responses, no other publishing.",
    parameters: [
      { key: "service", label: "Service name", example: "orders" },
      { key: "queue", label: "Queue group", example: "orders-workers" },
    ],
    build: ({ service, queue }) => ({
      pub: { allow: [], deny: [] }, // with allow_responses on, an empty allow list means no publishing but replies
      sub: { allow: [`svc.${service}.> ${queue}`], deny: [] },
      resp: { ...DEFAULT_RESPONSES },
    }),
  },
  {
    id: "request-reply-client",
    name: "Request-reply client",
    description: "Sends requests to svc.<service>.> and receives the replies on its _INBOX.",
    parameters: [{ key: "service", label: "Service name", example: "orders" }],
    build: ({ service }) => ({ pub: { allow: [`svc.${service}.>`], deny: [] }, sub: { allow: ["_INBOX.>"], deny: [] }, resp: null }),
  },
  {
    id: "publisher-only",
    name: "Publisher only",
    description: "Publishes under <prefix>.>; cannot subscribe to anything.",
    parameters: [{ key: "prefix", label: "Subject prefix", example: "sensors" }],
    // An empty subscribe allow list would allow every subscription: deny them all instead.
    build: ({ prefix }) => ({ pub: { allow: [`${prefix}.>`], deny: [] }, sub: { allow: [], deny: [">"] }, resp: null }),
  },
  {
    id: "subscriber-only",
    name: "Subscriber only",
    description: "Subscribes under <prefix>.>; cannot publish anything.",
    parameters: [{ key: "prefix", label: "Subject prefix", example: "sensors" }],
    build: ({ prefix }) => ({ pub: { allow: [], deny: [">"] }, sub: { allow: [`${prefix}.>`], deny: [] }, resp: null }),
  },
  {
    id: "device",
    name: "Device",
    description:
      "A licensed device, as the Devices page makes them: its own traffic under events.license.<license>.>, plus every device's broadcasts (events.license.*.broadcast.>), which it may not send.",
    parameters: [{ key: "license", label: "License id", example: "dev-7f3a" }],
    build: ({ license }) => devicePermissions(license),
  },
];

/** The template's spec for `values`, or the first parameter problem (e.g. an empty or dotted name). */
export function applyTemplate(template: PermissionTemplate, values: Record<string, string>): { spec: NatsPermissionSpec } | { problem: string } {
  for (const parameter of template.parameters) {
    const problem = validateToken(values[parameter.key]?.trim() ?? "");
    if (problem) return { problem: `${parameter.label}: ${problem}` };
  }
  const trimmed = Object.fromEntries(template.parameters.map((p) => [p.key, values[p.key].trim()]));
  return { spec: template.build(trimmed) };
}
