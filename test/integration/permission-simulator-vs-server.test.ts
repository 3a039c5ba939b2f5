import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Msg, NatsConnection } from "@nats-io/transport-node";
import { provisionOrgAccount } from "@/lib/nats/provision-org-account";
import type { NatsPermissionSpec } from "@/lib/nats-users/permission-spec";
import { simulate, type SimulatedOperation } from "@/lib/nats-users/simulate-permission";
import { testDatabaseForFile } from "@/test/support/database";
import { setTestSecrets } from "@/test/support/identity";
import { openTestRuntime, startTestNats, type TestNats } from "@/test/support/nats";
import { connectWithPermissions, settle, type PermissionedConnection } from "@/test/support/nats-permission-users";
import { connectAsOrgUser } from "@/test/support/nats-users";
import { orgWithAdmin } from "@/test/support/orgs";

setTestSecrets();
const database = testDatabaseForFile();
let nats: TestNats;
let runtime: Awaited<ReturnType<typeof openTestRuntime>>;
/** Everything a message reaches in the org's account (the observer subscribes to ">"). */
const observed: string[] = [];

/** Reply cases receive a request on this subject first, so their specs must let them subscribe to it. */
const REQUEST_SUBJECT = "req.probe";

type OrgAccount = { org: { id: string; natsKeyGeneration: number }; observer: NatsConnection };
let provisioned: Promise<OrgAccount> | undefined;

before(async () => {
  nats = await startTestNats();
  runtime = await openTestRuntime(nats);
});

after(async () => {
  await (await provisioned)?.observer.close();
  await runtime?.close();
  await nats?.dispose();
});

/**
 * The org whose account the users live in, and an unrestricted observer in it
 * that sends the requests and sees what is published. Made by the first test
 * that needs it: root `before` hooks may run concurrently with the database's.
 */
function orgAccount(): Promise<OrgAccount> {
  provisioned ??= (async () => {
    const { org } = await orgWithAdmin(database.db);
    assert.deepEqual(await provisionOrgAccount(database.db, runtime, org.id), { ok: true });
    const active = await database.db.org.findUniqueOrThrow({ where: { id: org.id } });
    const observer = await connectAsOrgUser(nats.url, nats.keys, active);
    observer.subscribe(">", { callback: (_error, msg) => void observed.push(msg.subject) });
    await observer.flush();
    return { org: active, observer };
  })();
  return provisioned;
}

async function connectUser(permissions: NatsPermissionSpec): Promise<PermissionedConnection> {
  return connectWithPermissions(nats.url, nats.keys, (await orgAccount()).org, permissions);
}

const spec = (parts: Partial<NatsPermissionSpec>): NatsPermissionSpec => ({
  pub: { allow: [], deny: [] },
  sub: { allow: [], deny: [] },
  resp: null,
  ...parts,
});

const SPECS = {
  publisher: spec({ pub: { allow: ["orders.>", "audit.*"], deny: ["orders.secret", "orders.*.internal"] } }),
  denyOnly: spec({ pub: { allow: [], deny: ["admin.>"] }, sub: { allow: [], deny: ["admin.>"] } }),
  responder: spec({ sub: { allow: ["svc.orders.> workers", REQUEST_SUBJECT], deny: [] }, resp: { max: 1, ttlSeconds: 60 } }),
  responderDeniedInbox: spec({ pub: { allow: [">"], deny: ["_INBOX.>"] }, sub: { allow: [REQUEST_SUBJECT], deny: [] }, resp: { max: 1, ttlSeconds: 60 } }),
  noResponses: spec({ pub: { allow: ["svc.>"], deny: [] }, sub: { allow: [REQUEST_SUBJECT], deny: [] } }),
  wildcardSubscriber: spec({ sub: { allow: ["foo.bar", "events.*", "logs.>"], deny: ["events.secret"] } }),
  seedQueues: spec({ sub: { allow: ["foo", "foo v1", "foo v1.>", "foo *.dev"], deny: ["> *.prod"] } }),
  queueDenies: spec({ sub: { allow: [], deny: ["foo", "foo v1"] } }),
  denyOverlap: spec({ sub: { allow: [">"], deny: ["*.bar"] } }),
  device: spec({ pub: { allow: ["license.k1.>"], deny: [] }, sub: { allow: ["license.k1.>", "license.*.broadcast.>"], deny: [] } }),
} satisfies Record<string, NatsPermissionSpec>;

type Case = [spec: keyof typeof SPECS, operation: SimulatedOperation, subject: string, expected: "allowed" | "denied", queue?: string];

const CASES: Case[] = [
  ["publisher", "publish", "orders.new", "allowed"],
  ["publisher", "publish", "orders.eu.created", "allowed"],
  ["publisher", "publish", "orders", "denied"], // ">" needs at least one more token
  ["publisher", "publish", "orders.secret", "denied"], // deny wins over allow
  ["publisher", "publish", "orders.eu.internal", "denied"],
  ["publisher", "publish", "audit.login", "allowed"],
  ["publisher", "publish", "audit.login.failed", "denied"], // "*" is exactly one token
  ["publisher", "publish", "billing.paid", "denied"],
  ["publisher", "subscribe", "anything.>", "allowed"], // no subscribe list at all
  ["denyOnly", "publish", "news.today", "allowed"], // no allow list: all but the denied
  ["denyOnly", "publish", "admin.users", "denied"],
  ["denyOnly", "subscribe", "admin.*", "denied"],
  ["denyOnly", "subscribe", ">", "allowed"], // wider than the deny: accepted, deliveries filtered
  ["denyOnly", "subscribe", "news.>", "allowed"],
  ["responder", "publish", "svc.orders.status", "denied"], // allow_responses switches the blanket publish allow off
  ["responder", "reply", "_INBOX.r1", "allowed"],
  ["responder", "subscribe", "svc.orders.get", "denied"], // a queue entry grants no plain subscription
  ["responder", "queue-subscribe", "svc.orders.get", "allowed", "workers"],
  ["responder", "queue-subscribe", "svc.orders.get", "denied", "others"],
  ["responder", "queue-subscribe", "svc.billing.get", "denied", "workers"],
  ["responderDeniedInbox", "reply", "_INBOX.r2", "allowed"], // allow_responses beats a publish deny
  ["responderDeniedInbox", "publish", "_INBOX.r3", "denied"],
  ["responderDeniedInbox", "publish", "other.thing", "allowed"],
  ["noResponses", "reply", "_INBOX.r4", "denied"],
  ["noResponses", "reply", "svc.callback.r5", "allowed"], // an ordinary publish grant
  ["wildcardSubscriber", "subscribe", "foo.*", "denied"], // only foo.bar is granted
  ["wildcardSubscriber", "subscribe", "foo.bar", "allowed"],
  ["wildcardSubscriber", "subscribe", "events.*", "allowed"],
  ["wildcardSubscriber", "subscribe", "events.>", "allowed"], // the server's "*" matches a ">" token
  ["wildcardSubscriber", "subscribe", "events.secret", "denied"],
  ["wildcardSubscriber", "subscribe", "logs.app.*", "allowed"],
  ["wildcardSubscriber", "subscribe", "logs", "denied"],
  ["wildcardSubscriber", "subscribe", "*", "denied"],
  ["wildcardSubscriber", "queue-subscribe", "events.created", "allowed", "any-queue"], // a plain entry grants any queue
  ["seedQueues", "subscribe", "foo", "allowed"],
  ["seedQueues", "queue-subscribe", "foo", "allowed", "v1"],
  ["seedQueues", "queue-subscribe", "foo", "allowed", "v1.dev"],
  ["seedQueues", "queue-subscribe", "foo", "allowed", "test.dev"],
  ["seedQueues", "queue-subscribe", "foo", "denied", "v1.prod"],
  ["seedQueues", "queue-subscribe", "bar", "denied", "test.prod"],
  ["seedQueues", "queue-subscribe", "foo", "denied", "v2"], // queue entries match foo, so the plain "foo" grants no other queue
  ["queueDenies", "subscribe", "foo", "denied"],
  ["queueDenies", "queue-subscribe", "foo", "denied", "v1"],
  ["queueDenies", "queue-subscribe", "foo", "allowed", "v2"], // the server lets queue denies override the plain deny
  ["queueDenies", "queue-subscribe", "bar", "denied", "_sys_"],
  ["denyOverlap", "subscribe", "foo.*", "allowed"],
  ["denyOverlap", "subscribe", "foo.bar", "denied"],
  ["denyOverlap", "subscribe", "*.bar", "denied"],
  ["denyOverlap", "queue-subscribe", "foo.bar", "denied", "q"],
  ["device", "publish", "license.k1.telemetry", "allowed"],
  ["device", "publish", "license.k2.telemetry", "denied"],
  ["device", "subscribe", "license.k1.>", "allowed"],
  ["device", "subscribe", "license.k2.commands", "denied"],
  ["device", "subscribe", "license.k2.broadcast.firmware", "allowed"],
  ["device", "subscribe", "license.*.broadcast.>", "allowed"],
  ["device", "subscribe", "license.*.>", "denied"],
];

/** Has `user` receive one request on REQUEST_SUBJECT that carries `replySubject`. */
async function receiveRequest(user: PermissionedConnection, replySubject: string): Promise<Msg> {
  const received = new Promise<Msg>((resolve, reject) => {
    user.nc.subscribe(REQUEST_SUBJECT, {
      max: 1,
      callback: (error, msg) => (error ? reject(new Error(`the reply probe could not subscribe to ${REQUEST_SUBJECT}: ${error.message}`)) : resolve(msg)),
    });
  });
  await user.nc.flush();
  (await orgAccount()).observer.publish(REQUEST_SUBJECT, "request", { reply: replySubject });
  return received;
}

/** What the server did with one operation: allowed unless it reported a violation for it. */
async function serverVerdict(user: PermissionedConnection, [, operation, subject, , queue]: Case): Promise<"allowed" | "denied"> {
  const before = user.violations.length;
  observed.length = 0;
  if (operation === "publish") user.nc.publish(subject, "x");
  else if (operation === "reply") (await receiveRequest(user, subject)).respond("reply");
  else {
    const subscription = user.nc.subscribe(subject, { queue: operation === "queue-subscribe" ? queue : undefined, callback: () => undefined });
    await settle(user.nc);
    subscription.unsubscribe();
  }
  await settle(user.nc);
  const refused = user.violations.slice(before).some((violation) => violation.subject === subject);
  if (operation === "publish" || operation === "reply") {
    // Cross-check: an accepted publish reaches the observer, a refused one does not.
    await settle((await orgAccount()).observer);
    assert.equal(observed.includes(subject), !refused, `delivery of ${subject} disagrees with the violation report`);
  }
  return refused ? "denied" : "allowed";
}

test(`the simulator's verdicts equal nats-server's on ${CASES.length} cases`, async () => {
  const mismatches: string[] = [];
  for (const [name, permissions] of Object.entries(SPECS)) {
    const user = await connectUser(permissions);
    try {
      for (const testCase of CASES.filter(([specName]) => specName === name)) {
        const [, operation, subject, expected, queue] = testCase;
        const simulated = simulate(permissions, { operation, subject, queue });
        const server = await serverVerdict(user, testCase);
        const verdict = simulated.allowed ? "allowed" : "denied";
        if (verdict !== server || server !== expected)
          mismatches.push(
            `${name} ${operation} ${subject}${queue ? ` (${queue})` : ""}: expected ${expected}, server ${server}, simulator ${verdict} (${simulated.rule})`,
          );
      }
    } finally {
      await user.nc.close();
    }
  }
  assert.deepEqual(mismatches, []);
  assert.ok(CASES.length >= 30);
});

/** Subjects a subscription on `subject` receives when the observer publishes each of `published`. */
async function delivered(permissions: NatsPermissionSpec, subject: string, published: string[]): Promise<string[]> {
  const user = await connectUser(permissions);
  try {
    const received: string[] = [];
    user.nc.subscribe(subject, { callback: (_error, msg) => void received.push(msg.subject) });
    await settle(user.nc);
    const { observer } = await orgAccount();
    for (const each of published) observer.publish(each, "x");
    await settle(observer);
    await settle(user.nc);
    assert.deepEqual(user.violations, []);
    return received;
  } finally {
    await user.nc.close();
  }
}

test("a wildcard subscription wider than a deny is accepted and the denied subjects are filtered out, as the simulator says", async () => {
  assert.deepEqual(await delivered(SPECS.wildcardSubscriber, "events.*", ["events.secret", "events.created"]), ["events.created"]);
  assert.match(
    simulate(SPECS.wildcardSubscriber, { operation: "subscribe", subject: "events.*" }).explanation,
    /does not deliver messages on subjects matching deny "events\.secret"/,
  );
});

test("a deny that only overlaps a wildcard subscription is not filtered by nats-server 2.9.10, as the simulator warns", async () => {
  assert.deepEqual(await delivered(SPECS.denyOverlap, "foo.*", ["foo.bar", "foo.baz"]), ["foo.bar", "foo.baz"]);
  assert.match(
    simulate(SPECS.denyOverlap, { operation: "subscribe", subject: "foo.*" }).explanation,
    /does not filter delivery, so such messages are delivered/,
  );
});

test('an allow of "events.*" admits a subscription to "events.>", which then receives deeper subjects, as the simulator warns', async () => {
  assert.deepEqual(await delivered(SPECS.wildcardSubscriber, "events.>", ["events.created", "events.eu.created"]), ["events.created", "events.eu.created"]);
  assert.match(simulate(SPECS.wildcardSubscriber, { operation: "subscribe", subject: "events.>" }).explanation, /deeper subjects than the grant/);
});

test("allow_responses counts replies per request (max) and measures the ttl in seconds", async () => {
  const user = await connectUser(spec({ sub: { allow: [REQUEST_SUBJECT], deny: [] }, resp: { max: 2, ttlSeconds: 1 } }));
  try {
    /** Replies to `request`; whether the server accepted it. */
    const reply = async (request: Msg) => {
      const before = user.violations.length;
      request.respond("reply");
      await settle(user.nc);
      return user.violations.length === before;
    };
    const request = await receiveRequest(user, "_INBOX.counted");
    assert.deepEqual([await reply(request), await reply(request), await reply(request)], [true, true, false], "max 2: the third reply is refused");

    const late = await receiveRequest(user, "_INBOX.late");
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    assert.equal(await reply(late), false, "a reply after the 1 s ttl is refused: the JWT's ttl is nanoseconds");
  } finally {
    await user.nc.close();
  }
});
