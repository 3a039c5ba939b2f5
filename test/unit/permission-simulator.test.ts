import assert from "node:assert/strict";
import { test } from "node:test";
import type { NatsPermissionSpec } from "@/lib/nats-users/permission-spec";
import {
  ALLOW_RESPONSES,
  entryMatches,
  INVALID_REQUEST,
  NO_ALLOW_LIST,
  NO_MATCHING_ALLOW,
  RESERVED_QUEUE,
  simulate,
  type SimulationRequest,
} from "@/lib/nats-users/simulate-permission";

const spec = (parts: Partial<NatsPermissionSpec>): NatsPermissionSpec => ({ pub: { allow: [], deny: [] }, sub: { allow: [], deny: [] }, resp: null, ...parts });
const publish = (subject: string): SimulationRequest => ({ operation: "publish", subject });
const subscribe = (subject: string): SimulationRequest => ({ operation: "subscribe", subject });
const queueSubscribe = (subject: string, queue: string): SimulationRequest => ({ operation: "queue-subscribe", subject, queue });
const reply = (subject: string): SimulationRequest => ({ operation: "reply", subject });

test("an entry matches as nats-server's sublist does: * one token, > one or more, the checked subject's tokens literal", () => {
  const matches: [string, string][] = [
    ["orders.*", "orders.new"],
    ["orders.>", "orders.eu.new"],
    [">", "anything"],
    ["*.created", "orders.created"],
    ["orders.*", "orders.*"],
    ["orders.*", "orders.>"], // the server's quirk: "*" matches a ">" token
    ["orders.>", "orders.*.eu"],
  ];
  for (const [pattern, subject] of matches) assert.equal(entryMatches(pattern, subject), true, `${pattern} ~ ${subject}`);
  const misses: [string, string][] = [
    ["orders.>", "orders"],
    ["orders.*", "orders.eu.new"],
    ["orders.new", "orders.*"], // a literal entry never admits a wildcard
    ["orders.*.eu", "orders.>"],
    ["orders", "orders.new"],
  ];
  for (const [pattern, subject] of misses) assert.equal(entryMatches(pattern, subject), false, `${pattern} !~ ${subject}`);
});

test("publish: an allow list admits only what it matches, deny wins, no allow list admits all but the denied", () => {
  const permissions = spec({ pub: { allow: ["orders.>"], deny: ["orders.secret"] } });
  assert.deepEqual(simulate(permissions, publish("orders.new")), {
    allowed: true,
    rule: "orders.>",
    explanation: 'Publish allow "orders.>" matches "orders.new" and no publish deny does.',
  });
  assert.deepEqual(simulate(permissions, publish("orders.secret")), {
    allowed: false,
    rule: "orders.secret",
    explanation: 'Publish deny "orders.secret" matches "orders.secret"; deny wins over allow "orders.>".',
  });
  assert.equal(simulate(permissions, publish("billing.paid")).rule, NO_MATCHING_ALLOW);
  const denyOnly = spec({ pub: { allow: [], deny: ["admin.>"] } });
  assert.deepEqual(
    [simulate(denyOnly, publish("news.x")), simulate(denyOnly, publish("admin.x"))].map((v) => [v.allowed, v.rule]),
    [
      [true, NO_ALLOW_LIST],
      [false, "admin.>"],
    ],
  );
});

test("allow_responses switches the blanket publish allow off, and lets replies through even past a deny", () => {
  const responder = spec({ sub: { allow: ["svc.>"], deny: [] }, resp: { max: 1, ttlSeconds: 60 } });
  const refused = simulate(responder, publish("svc.x"));
  assert.equal(refused.allowed, false);
  assert.match(refused.explanation, /allows no publish except replies/);
  const answer = simulate(responder, reply("_INBOX.abc"));
  assert.equal(answer.allowed, true);
  assert.equal(answer.rule, ALLOW_RESPONSES);
  assert.match(answer.explanation, /up to 1 reply within 60 s/);

  const deniedInbox = spec({ pub: { allow: [">"], deny: ["_INBOX.>"] }, resp: { max: 3, ttlSeconds: 5 } });
  assert.equal(simulate(deniedInbox, publish("_INBOX.abc")).allowed, false);
  assert.deepEqual((({ allowed, rule }) => ({ allowed, rule }))(simulate(deniedInbox, reply("_INBOX.abc"))), { allowed: true, rule: ALLOW_RESPONSES });
  assert.match(simulate(deniedInbox, reply("_INBOX.abc")).explanation, /up to 3 replies within 5 s.*otherwise denied \(_INBOX\.>\)/);
});

test("reply without allow_responses is an ordinary publish", () => {
  const client = spec({ pub: { allow: ["svc.>"], deny: [] } });
  assert.deepEqual([simulate(client, reply("svc.callback")).allowed, simulate(client, reply("_INBOX.abc")).allowed], [true, false]);
  assert.match(simulate(client, reply("_INBOX.abc")).explanation, /Without allow_responses/);
});

test("a wildcard subscription needs an allow entry at least as broad", () => {
  const permissions = spec({ sub: { allow: ["foo.bar", "events.*", "logs.>"], deny: [] } });
  const narrow = simulate(permissions, subscribe("foo.*"));
  assert.equal(narrow.allowed, false);
  assert.match(narrow.explanation, /at least as broad/);
  assert.equal(simulate(permissions, subscribe("logs.app.*")).rule, "logs.>");
  assert.equal(simulate(permissions, subscribe("logs")).allowed, false);
  const widened = simulate(permissions, subscribe("events.>"));
  assert.equal(widened.rule, "events.*");
  assert.match(widened.explanation, /deeper subjects than the grant/);
});

test("a subscribe deny refuses what it matches; a wider wildcard subscription is accepted with deliveries filtered, an overlapping one is not filtered", () => {
  const permissions = spec({ sub: { allow: [">"], deny: ["events.secret", "*.bar"] } });
  assert.equal(simulate(permissions, subscribe("events.secret")).rule, "events.secret");
  assert.equal(simulate(permissions, subscribe("*.bar")).rule, "*.bar");
  const filtered = simulate(permissions, subscribe("events.*"));
  assert.equal(filtered.allowed, true);
  assert.match(filtered.explanation, /does not deliver messages on subjects matching deny "events\.secret", "\*\.bar"/);
  const leaking = spec({ sub: { allow: [">"], deny: ["*.bar"] } });
  assert.match(simulate(leaking, subscribe("foo.*")).explanation, /overlaps this subscription without lying inside it/);
  assert.match(simulate(leaking, subscribe("foo.baz")).explanation, /^Subscribe allow ">" matches "foo.baz"\. No subscribe deny applies\.$/);
});

test("queue grants: 'subject queue' grants that queue only; a plain entry grants any queue until a queue entry matches the subject", () => {
  const seed = spec({ sub: { allow: ["foo", "foo v1", "foo v1.>", "foo *.dev"], deny: ["> *.prod"] } });
  const verdicts = [
    subscribe("foo"),
    queueSubscribe("foo", "v1"),
    queueSubscribe("foo", "v1.dev"),
    queueSubscribe("foo", "test.dev"),
    queueSubscribe("foo", "v1.prod"),
    queueSubscribe("foo", "v2"),
  ].map((request) => [simulate(seed, request).allowed, simulate(seed, request).rule]);
  assert.deepEqual(verdicts, [
    [true, "foo"],
    [true, "foo v1"],
    [true, "foo v1.>"],
    [true, "foo *.dev"],
    [false, "> *.prod"],
    [false, NO_MATCHING_ALLOW],
  ]);
  const queueOnly = spec({ sub: { allow: ["svc.> workers"], deny: [] } });
  assert.match(simulate(queueOnly, subscribe("svc.get")).explanation, /only queue entries .* grant queue subscriptions, not plain ones/);
  const plain = simulate(spec({ sub: { allow: ["events.>"], deny: [] } }), queueSubscribe("events.x", "any"));
  assert.equal(plain.allowed, true);
  assert.match(plain.explanation, /a plain entry grants any queue/);
});

test("queue denies: they replace the plain deny's verdict for queue subscriptions (server quirk); _sys_ is reserved", () => {
  const permissions = spec({ sub: { allow: [], deny: ["foo", "foo v1"] } });
  assert.equal(simulate(permissions, subscribe("foo")).rule, "foo");
  assert.equal(simulate(permissions, queueSubscribe("foo", "v1")).rule, "foo v1");
  const overridden = simulate(permissions, queueSubscribe("foo", "v2"));
  assert.equal(overridden.allowed, true);
  assert.match(overridden.explanation, /Deny "foo" is not enforced here/);
  assert.deepEqual(simulate(spec({}), queueSubscribe("bar", RESERVED_QUEUE)).rule, RESERVED_QUEUE);
});

test("requests that are not valid are answered with what is wrong, not a verdict", () => {
  const invalid: [SimulationRequest, RegExp][] = [
    [publish("orders.*"), /wildcards \(\*\) are not allowed/],
    [reply(""), /empty subject/],
    [subscribe("orders..new"), /empty token between dots/],
    [{ operation: "queue-subscribe", subject: "orders" }, /Enter a queue group/],
    [queueSubscribe("orders", "a b"), /^Queue group "a b": spaces are not allowed/],
  ];
  for (const [request, message] of invalid) {
    const verdict = simulate(spec({}), request);
    assert.deepEqual([verdict.allowed, verdict.rule], [false, INVALID_REQUEST], JSON.stringify(request));
    assert.match(verdict.explanation, message);
  }
});
