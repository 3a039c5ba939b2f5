import type { Permissions } from "@nats-io/jwt";
import { z } from "zod";

/**
 * What a NATS user may do, as an admin edits it. Queue grants are `sub`
 * entries written `"subject queue"` (e.g. `"orders.> workers"`): such an entry
 * lets the user join that queue group only, never plain-subscribe.
 * `resp` is allow_responses: publish up to `max` replies to each request
 * received, within `ttlSeconds` of receiving it, even without a publish grant.
 */
export type NatsPermissionSpec = {
  pub: { allow: string[]; deny: string[] };
  sub: { allow: string[]; deny: string[] };
  resp: { max: number; ttlSeconds: number } | null;
};

export const MAX_SUBJECT_LENGTH = 255;
export const MAX_ENTRIES_PER_LIST = 100;
export const MAX_RESPONSES = 1_000;
/** A week keeps the JWT's nanosecond ttl far inside JavaScript's safe integers. */
export const MAX_RESPONSE_TTL_SECONDS = 7 * 24 * 3600;
/** nats-server's defaults for allow_responses. */
export const DEFAULT_RESPONSES = { max: 1, ttlSeconds: 120 } as const;

export const EMPTY_PERMISSION_SPEC: NatsPermissionSpec = { pub: { allow: [], deny: [] }, sub: { allow: [], deny: [] }, resp: null };

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** Why the `index`-th of `count` tokens is invalid, or null: `*` and `>` only whole, `>` only last. */
function tokenProblem(token: string, index: number, count: number, allowWildcards: boolean): string | null {
  if (token === "") return index === 0 ? "starts with a dot" : index === count - 1 ? "ends with a dot" : "empty token between dots";
  if (token === "*" || token === ">") {
    if (!allowWildcards) return `wildcards (${token}) are not allowed here`;
    if (token === ">" && index !== count - 1) return '">" is only allowed as the last token';
    return null;
  }
  if (token.includes(">")) return '">" must be a whole token';
  if (token.includes("*")) return '"*" must be a whole token';
  return null;
}

function patternProblem(pattern: string, allowWildcards: boolean): string | null {
  const tokens = pattern.split(".");
  for (const [i, token] of tokens.entries()) {
    const problem = tokenProblem(token, i, tokens.length, allowWildcards);
    if (problem) return problem;
  }
  return null;
}

/**
 * Why `subject` is not a valid permission entry (or, with `allowWildcards:
 * false`, a subject one can publish to), or null. The message names the entry,
 * e.g. `"orders..new": empty token between dots`. With `allowQueue`, one space
 * may separate a subject from a queue group (`"orders.> workers"`); the queue
 * part may use wildcards too (`"orders v1.>"`), as nats-server matches queue
 * names of permission entries that way.
 */
export function validateSubject(subject: string, options: { allowQueue: boolean; allowWildcards?: boolean }): string | null {
  const allowWildcards = options.allowWildcards ?? true;
  const named = (problem: string) => `${JSON.stringify(subject)}: ${problem}`;
  if (subject === "") return named("empty subject");
  if (subject.length > MAX_SUBJECT_LENGTH) return named(`longer than ${MAX_SUBJECT_LENGTH} characters`);
  if (!PRINTABLE_ASCII.test(subject)) return named("only printable ASCII characters are allowed");
  const parts = subject.split(" ");
  if (parts.length > 1 && !options.allowQueue) return named("spaces are not allowed in a subject");
  if (parts.length > 2 || parts.includes("")) return named('write a queue grant as "subject queue", with a single space');
  const [pattern, queue] = parts;
  const problem = patternProblem(pattern, allowWildcards);
  if (problem) return named(problem);
  const queueProblem = queue === undefined ? null : patternProblem(queue, allowWildcards);
  return queueProblem ? named(`queue group: ${queueProblem}`) : null;
}

/** Why `value` cannot be one literal token (a name put between dots, e.g. a service name), or null. */
export function validateToken(value: string): string | null {
  const problem = validateSubject(value, { allowQueue: false, allowWildcards: false });
  if (problem) return problem;
  return value.includes(".") ? `${JSON.stringify(value)}: a single token, without dots` : null;
}

function subjectList(label: string, allowQueue: boolean) {
  return z
    .array(z.string().trim())
    .transform((entries) => [...new Set(entries)])
    .superRefine((entries, ctx) => {
      if (entries.length > MAX_ENTRIES_PER_LIST) {
        ctx.addIssue({ code: "custom", message: `${label}: at most ${MAX_ENTRIES_PER_LIST} entries` });
        return;
      }
      for (const [i, entry] of entries.entries()) {
        const problem = validateSubject(entry, { allowQueue });
        if (problem) ctx.addIssue({ code: "custom", message: problem, path: [i] });
      }
    });
}

/** A NatsPermissionSpec from untrusted input: entries trimmed, validated and deduplicated; lists capped. */
export const natsPermissionSpec = z.object({
  pub: z.object({ allow: subjectList("publish allow", false), deny: subjectList("publish deny", false) }),
  sub: z.object({ allow: subjectList("subscribe allow", true), deny: subjectList("subscribe deny", true) }),
  resp: z
    .object({
      max: z
        .number()
        .int("allow_responses: a whole number of responses")
        .min(1, "allow_responses: at least 1 response")
        .max(MAX_RESPONSES, `allow_responses: at most ${MAX_RESPONSES} responses`),
      ttlSeconds: z
        .number()
        .int("allow_responses: a whole number of seconds")
        .min(1, "allow_responses: a ttl of at least 1 second")
        .max(MAX_RESPONSE_TTL_SECONDS, `allow_responses: a ttl of at most ${MAX_RESPONSE_TTL_SECONDS} seconds`),
    })
    .nullable(),
}) satisfies z.ZodType<NatsPermissionSpec>;

/** The entries of a one-subject-per-line text: lines trimmed, blank ones dropped. */
export function subjectLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

/**
 * The spec as typed in a form with PermissionEditor's field names — to be
 * checked with `natsPermissionSpec`: `<prefix>.pub.allow` … (one subject per
 * line), `<prefix>.resp.enabled` ("on"), `<prefix>.resp.max`, `<prefix>.resp.ttlSeconds`.
 */
export function permissionSpecFromForm(form: FormData, prefix = "permissions"): z.input<typeof natsPermissionSpec> {
  const field = (name: string) => String(form.get(`${prefix}.${name}`) ?? "");
  return {
    pub: { allow: subjectLines(field("pub.allow")), deny: subjectLines(field("pub.deny")) },
    sub: { allow: subjectLines(field("sub.allow")), deny: subjectLines(field("sub.deny")) },
    resp: field("resp.enabled") === "on" ? { max: Number(field("resp.max")), ttlSeconds: Number(field("resp.ttlSeconds")) } : null,
  };
}

const NANOSECONDS_PER_SECOND = 1_000_000_000;

/**
 * The user-claims permissions (`@nats-io/jwt`) for a spec. Empty lists are
 * left out: nats-server reads an explicit `"allow": []` as "allow nothing",
 * while a missing one means "allow everything not denied". `resp.ttl` is
 * nanoseconds (nats-server decodes it as a Go time.Duration; @nats-io/jwt
 * passes the number through unchanged).
 */
export function toUserPermissions(spec: NatsPermissionSpec): Permissions {
  const list = (permission: { allow: string[]; deny: string[] }) => ({
    ...(permission.allow.length ? { allow: permission.allow } : {}),
    ...(permission.deny.length ? { deny: permission.deny } : {}),
  });
  return {
    pub: list(spec.pub),
    sub: list(spec.sub),
    ...(spec.resp ? { resp: { max: spec.resp.max, ttl: spec.resp.ttlSeconds * NANOSECONDS_PER_SECOND } } : {}),
  };
}
