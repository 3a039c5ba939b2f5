import assert from "node:assert/strict";
import { test } from "node:test";
import { ValidationError } from "@/lib/errors/domain-errors";
import { TIER_LIMITS } from "@/lib/nats/tiers";
import { ensureWithinPlan, type StreamShape } from "@/lib/streams/ensure-within-plan";
import { subjectListProblem, subjectProblem, subjectsOverlap } from "@/lib/streams/stream-subjects";

test("a stream subject is dot-separated parts, with * as a whole part and > as the whole last part", () => {
  for (const valid of ["orders", "orders.created", "orders.*", "orders.*.eu", "orders.>", "*", ">", "a-b_c.D9"])
    assert.equal(subjectProblem(valid), null, valid);
  const problems: [string, RegExp][] = [
    ["", /empty/],
    ["orders..created", /empty part/],
    [".orders", /empty part/],
    ["orders.", /empty part/],
    ["orders created", /space/],
    ["orders.>.eu", /> must be the whole last part/],
    ["orders.>x", /> must be the whole last part/],
    ["orders.cre*", /\* must be a whole part/],
    ["$JS.API.>", /reserved by NATS/],
    ["_INBOX.abc", /request replies/],
    ["x".repeat(256), /255 characters/],
  ];
  for (const [subject, message] of problems) assert.match(subjectProblem(subject) ?? "", message, subject);
});

test("two subjects overlap when some subject matches both", () => {
  const overlapping: [string, string][] = [
    ["orders", "orders"],
    ["orders.*", "orders.eu"],
    ["orders.>", "orders.eu.created"],
    ["*.created", "orders.*"],
    [">", "anything.at.all"],
    ["orders.*.created", "orders.eu.>"],
  ];
  for (const [a, b] of overlapping) {
    assert.equal(subjectsOverlap(a, b), true, `${a} / ${b}`);
    assert.equal(subjectsOverlap(b, a), true, `${b} / ${a}`);
  }
  const separate: [string, string][] = [
    ["orders", "orders.eu"],
    ["orders.*", "orders.eu.created"],
    ["orders.>", "orders"],
    ["orders.eu", "orders.us"],
    ["*", "events.x"],
    ["*.>", "events"],
  ];
  for (const [a, b] of separate) {
    assert.equal(subjectsOverlap(a, b), false, `${a} / ${b}`);
    assert.equal(subjectsOverlap(b, a), false, `${b} / ${a}`);
  }
});

test("a stream's subjects may not overlap each other or reach into the system streams", () => {
  assert.equal(subjectListProblem(["orders.>", "refunds.*"]), null);
  assert.equal(subjectListProblem(["events"]), null, "events alone is not under events.>");
  assert.match(subjectListProblem([]) ?? "", /at least one/);
  assert.match(subjectListProblem(["orders.>", "orders.eu"]) ?? "", /"orders\.>" and "orders\.eu" overlap/);
  assert.match(subjectListProblem(["events.orders"]) ?? "", /EVENTS system stream/);
  assert.match(subjectListProblem(["*.retry"]) ?? "", /overlaps "events\.>", which the EVENTS system stream reserves/);
  assert.match(subjectListProblem(["dlq.*"]) ?? "", /overlaps "dlq\.>", which the DLQ system stream reserves/);
  assert.match(subjectListProblem([">"]) ?? "", /system stream reserves/);
  assert.match(subjectListProblem(["webhook-retry.x"]) ?? "", /WEBHOOK_RETRY/);
});

const MB = 1024 * 1024;
const stream = (name: string, overrides: Partial<StreamShape> = {}): StreamShape => ({
  name,
  subjects: [name.toLowerCase()],
  storage: "file",
  maxBytes: -1,
  maxMsgSize: -1,
  ...overrides,
});
const systemStreams = ["EVENTS", "DLQ", "WEBHOOK_RETRY"].map((name) => stream(name, { maxBytes: TIER_LIMITS.free.streamDefaults.maxBytes }));

test("plan checks: stream count on create only, storage reserved by max sizes per storage type, message size", () => {
  const full = [...systemStreams, stream("A"), stream("B")];
  assert.throws(
    () => ensureWithinPlan("free", full, stream("C"), true),
    (e: Error) => e instanceof ValidationError && e.message === "Your Free plan allows 5 streams; delete one or upgrade.",
  );
  assert.doesNotThrow(() => ensureWithinPlan("free", full.slice(0, 4), stream("B", { maxBytes: 10 * MB }), false), "an update does not add a stream");
  assert.doesNotThrow(() => ensureWithinPlan("pro", full, stream("C"), true));

  assert.doesNotThrow(() => ensureWithinPlan("free", systemStreams, stream("A", { maxBytes: 256 * MB }), true));
  assert.throws(() => ensureWithinPlan("free", systemStreams, stream("A", { maxBytes: 257 * MB }), true), /at most 256 MB is left for this stream/);
  assert.doesNotThrow(() => ensureWithinPlan("free", systemStreams, stream("A", { storage: "memory", maxBytes: 64 * MB }), true), "memory has its own budget");
  assert.throws(() => ensureWithinPlan("free", systemStreams, stream("A", { storage: "memory", maxBytes: 65 * MB }), true), /64 MB of memory storage/);

  assert.throws(() => ensureWithinPlan("free", systemStreams, stream("A", { maxMsgSize: 512 * 1024 }), true), /messages are at most 256 KB/);
  assert.throws(
    () => ensureWithinPlan("free", [stream("ORDERS", { subjects: ["orders.*"] })], stream("EU", { subjects: ["orders.eu"] }), true),
    /overlaps "orders\.\*" of the ORDERS stream/,
  );
});
