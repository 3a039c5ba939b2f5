import { subjectsOverlap } from "@/lib/streams/stream-subjects";
import { validateSubject, type NatsPermissionSpec } from "./permission-spec";

// The rules below follow nats-server 2.9.10 (server/client.go: pubAllowedFullCheck,
// canSubscribe, queueMatches, checkDenySub; server/sublist.go: Match,
// isSubsetMatchTokenized), quirks included, and are checked against a real
// server by test/integration/permission-simulator-vs-server.test.ts.

export type SimulatedOperation = "publish" | "subscribe" | "queue-subscribe" | "reply";

/** For "reply", `subject` is the reply subject of a request the user received. `queue` is for "queue-subscribe". */
export type SimulationRequest = { operation: SimulatedOperation; subject: string; queue?: string };

/** `rule`: the entry that decided, or one of the rule names below. */
export type SimulationVerdict = { allowed: boolean; rule: string; explanation: string };

export const NO_MATCHING_ALLOW = "no matching allow";
export const NO_ALLOW_LIST = "no allow list";
export const ALLOW_RESPONSES = "allow_responses";
/** nats-server keeps this queue group for itself and refuses it to clients. */
export const RESERVED_QUEUE = "_sys_";
export const INVALID_REQUEST = "invalid request";

type Entry = { entry: string; subject: string; queue?: string };

function parseEntries(entries: readonly string[]): Entry[] {
  return entries.map((entry) => {
    const [subject, queue] = entry.split(" ");
    return { entry, subject, queue };
  });
}

const quoted = (entries: readonly Entry[]) => entries.map((e) => JSON.stringify(e.entry)).join(", ");
const hasWildcard = (subject: string) => subject.split(".").some((token) => token === "*" || token === ">");

/**
 * Whether a permission entry's subject matches `subject` as nats-server checks
 * permissions: the entry's `*` and `>` are wildcards, the checked subject's
 * tokens are literal. So a wildcard subscription passes only an entry at least
 * as broad, and an entry's `*` also matches a `>` token (`foo.*` admits a
 * subscription to `foo.>`).
 */
export function entryMatches(pattern: string, subject: string): boolean {
  const p = pattern.split(".");
  const s = subject.split(".");
  for (const [i, token] of p.entries()) {
    if (token === ">") return s.length > i;
    if (i >= s.length || (token !== "*" && token !== s[i])) return false;
  }
  return p.length === s.length;
}

/** Whether every subject `tokens` can stand for is also matched by `pattern` (nats-server's isSubsetMatchTokenized). */
function isSubset(tokens: readonly string[], pattern: readonly string[]): boolean {
  for (const [i, p] of pattern.entries()) {
    if (i >= tokens.length) return false;
    if (p === ">") return true;
    const t = tokens[i];
    if (t === ">" || (t === "*" && p !== "*")) return false;
    if (p !== "*" && t !== p) return false;
  }
  return tokens.length === pattern.length;
}

/** An entry's queue grants `queue` when equal, or when it is a wildcard pattern covering it (`v1.>` covers `v1.eu`). */
function queueCovered(entryQueue: string, queue: string): boolean {
  return queue === entryQueue || (hasWildcard(entryQueue) && isSubset(queue.split("."), entryQueue.split(".")));
}

const allowed = (rule: string, explanation: string): SimulationVerdict => ({ allowed: true, rule, explanation });
const denied = (rule: string, explanation: string): SimulationVerdict => ({ allowed: false, rule, explanation });

function simulatePublish(spec: NatsPermissionSpec, subject: string): SimulationVerdict {
  let grant: string | undefined;
  if (spec.pub.allow.length) {
    grant = spec.pub.allow.find((entry) => entryMatches(entry, subject));
    if (!grant) return denied(NO_MATCHING_ALLOW, `No publish allow entry matches "${subject}"; with an allow list, everything else is denied.`);
  } else if (spec.resp) {
    // nats-server turns the blanket publish allow off when allow_responses is on.
    return denied(
      NO_MATCHING_ALLOW,
      "The publish allow list is empty and allow_responses is on: nats-server then allows no publish except replies to received requests.",
    );
  }
  const deny = spec.pub.deny.find((entry) => entryMatches(entry, subject));
  if (deny) return denied(deny, `Publish deny "${deny}" matches "${subject}"${grant ? `; deny wins over allow "${grant}"` : ""}.`);
  if (grant) return allowed(grant, `Publish allow "${grant}" matches "${subject}" and no publish deny does.`);
  return allowed(NO_ALLOW_LIST, `No publish allow list, so every subject is allowed unless denied; no publish deny matches "${subject}".`);
}

function simulateReply(spec: NatsPermissionSpec, subject: string): SimulationVerdict {
  const publish = simulatePublish(spec, subject);
  if (publish.allowed) return { ...publish, explanation: `${publish.explanation} A reply is an ordinary publish here.` };
  if (!spec.resp) return { ...publish, explanation: `${publish.explanation} Without allow_responses, a reply needs a publish grant like any other message.` };
  const { max, ttlSeconds } = spec.resp;
  return allowed(
    ALLOW_RESPONSES,
    `allow_responses lets the user reply to a request it received: up to ${max} ${max === 1 ? "reply" : "replies"} within ${ttlSeconds} s of receiving it, ` +
      `even though publishing to "${subject}" is otherwise denied (${publish.rule}); a publish deny does not block it. Later or extra replies are denied.`,
  );
}

/** Why a wildcard subscription may deliver more or less than its verdict suggests; empty when nothing to add. */
function deliveryNotes(spec: NatsPermissionSpec, subject: string, grant: Entry | undefined): string[] {
  const notes: string[] = [];
  const tokens = subject.split(".");
  if (grant && tokens.at(-1) === ">" && grant.subject.split(".").at(-1) === "*") {
    notes.push(
      `Beware: nats-server matches the "*" of "${grant.entry}" against the ">" token, so this subscription also receives messages on deeper subjects than the grant.`,
    );
  }
  if (!hasWildcard(subject)) return notes;
  const overlapping = parseEntries(spec.sub.deny).filter((deny) => deny.queue === undefined && subjectsOverlap(deny.subject, subject));
  if (!overlapping.length) return notes;
  // The server switches delivery filtering on once a wildcard subscription covers a deny entry (compared as raw text).
  const filtered = spec.sub.deny.some((deny) => isSubset(deny.split("."), tokens));
  notes.push(
    filtered
      ? `The server accepts the subscription but does not deliver messages on subjects matching deny ${quoted(overlapping)}.`
      : `Beware: deny ${quoted(overlapping)} overlaps this subscription without lying inside it; nats-server 2.9.10 then does not filter delivery, so such messages are delivered (unless another subscription of the same connection switched filtering on).`,
  );
  return notes;
}

function simulateSubscribe(spec: NatsPermissionSpec, subject: string, queue?: string): SimulationVerdict {
  const target = queue === undefined ? `"${subject}"` : `"${subject}" in queue "${queue}"`;
  let grant: Entry | undefined;
  if (spec.sub.allow.length) {
    const matching = parseEntries(spec.sub.allow).filter((e) => entryMatches(e.subject, subject));
    const queueEntries = matching.filter((e) => e.queue !== undefined);
    if (queue !== undefined && queueEntries.length) {
      // Once a queue entry matches the subject, only queue entries decide: a plain entry no longer grants other queues.
      grant = queueEntries.find((e) => queueCovered(e.queue!, queue));
      if (!grant) return denied(NO_MATCHING_ALLOW, `Queue entries ${quoted(queueEntries)} match "${subject}" and grant only their queues, not "${queue}".`);
    } else {
      grant = matching.find((e) => e.queue === undefined);
      if (!grant) {
        const why = queueEntries.length
          ? `only queue entries (${quoted(queueEntries)}) match "${subject}", and they grant queue subscriptions, not plain ones`
          : `no subscribe allow entry matches ${target}${hasWildcard(subject) ? " (a wildcard subscription needs an allow entry at least as broad)" : ""}`;
        return denied(NO_MATCHING_ALLOW, `Denied: ${why}.`);
      }
    }
  }
  let overriddenDeny: Entry | undefined;
  if (spec.sub.deny.length) {
    const matching = parseEntries(spec.sub.deny).filter((e) => entryMatches(e.subject, subject));
    const queueDenies = matching.filter((e) => e.queue !== undefined);
    const plainDeny = matching.find((e) => e.queue === undefined);
    if (queue !== undefined && queueDenies.length) {
      const deny = queueDenies.find((e) => queueCovered(e.queue!, queue));
      if (deny) return denied(deny.entry, `Subscribe deny "${deny.entry}" covers ${target}; deny wins over allow.`);
      // nats-server lets matching queue deny entries replace the plain ones' verdict for queue subscriptions.
      overriddenDeny = plainDeny;
    } else if (plainDeny) {
      return denied(plainDeny.entry, `Subscribe deny "${plainDeny.entry}" matches ${target}; deny wins over allow.`);
    }
  }
  if (queue === RESERVED_QUEUE) return denied(RESERVED_QUEUE, `nats-server keeps queue group "${RESERVED_QUEUE}" for itself and refuses it to clients.`);
  const because = grant
    ? `Subscribe allow "${grant.entry}" ${grant.queue === undefined ? "matches" : "grants"} ${target}${grant.queue === undefined && queue !== undefined ? " (a plain entry grants any queue)" : ""}`
    : `No subscribe allow list, so every subscription is allowed unless denied`;
  const notes = [
    overriddenDeny
      ? `Deny "${overriddenDeny.entry}" is not enforced here: nats-server lets the queue deny entries for this subject decide a queue subscription, and none covers "${queue}".`
      : "No subscribe deny applies.",
    ...deliveryNotes(spec, subject, grant),
  ];
  return allowed(grant?.entry ?? NO_ALLOW_LIST, [`${because}.`, ...notes].join(" "));
}

function requestProblem({ operation, subject, queue }: SimulationRequest): string | null {
  const literal = operation === "publish" || operation === "reply";
  const subjectProblem = validateSubject(subject, { allowQueue: false, allowWildcards: !literal });
  if (subjectProblem) return subjectProblem;
  if (operation !== "queue-subscribe") return null;
  if (!queue) return "Enter a queue group.";
  const queueProblem = validateSubject(queue, { allowQueue: false });
  return queueProblem && `Queue group ${queueProblem}`;
}

/**
 * Whether nats-server 2.9.10 lets a user with `spec` do `request`, which
 * entry decided, and why — including where the server's delivery differs
 * from what the verdict suggests (deny filtering of wildcard subscriptions).
 */
export function simulate(spec: NatsPermissionSpec, request: SimulationRequest): SimulationVerdict {
  const problem = requestProblem(request);
  if (problem) return denied(INVALID_REQUEST, problem);
  switch (request.operation) {
    case "publish":
      return simulatePublish(spec, request.subject);
    case "reply":
      return simulateReply(spec, request.subject);
    case "subscribe":
      return simulateSubscribe(spec, request.subject);
    case "queue-subscribe":
      return simulateSubscribe(spec, request.subject, request.queue);
  }
}
