import assert from "node:assert/strict";
import { test } from "node:test";
import { periodContaining, hourBucket } from "@/lib/billing/billing-period";
import { reachedThresholds } from "@/lib/billing/check-usage-thresholds";
import { planExcess } from "@/lib/billing/ensure-plan-fits-usage";
import { isDowngrade, PLAN_ORDER, PLANS } from "@/lib/billing/plans";
import { API_RATE_LIMITS } from "@/lib/gateway/api-rate-limits";
import { TIER_LIMITS } from "@/lib/nats/tiers";

test("NATS limits and API rate limits come from the one plan definition", () => {
  for (const tier of PLAN_ORDER) {
    assert.equal(TIER_LIMITS[tier], PLANS[tier].nats);
    assert.equal(API_RATE_LIMITS[tier], PLANS[tier].apiRateLimit);
  }
});

test("plans only grow from Free to Enterprise", () => {
  for (const [lower, higher] of [
    [PLANS.free, PLANS.pro],
    [PLANS.pro, PLANS.enterprise],
  ]) {
    assert.ok(higher.priceCents > lower.priceCents);
    assert.ok(higher.apiRateLimit.limit > lower.apiRateLimit.limit);
    assert.ok(higher.nats.jetStream.streams > lower.nats.jetStream.streams);
    assert.ok(higher.seats.max === -1 || higher.seats.max > lower.seats.max);
  }
  assert.equal(isDowngrade("pro", "free"), true);
  assert.equal(isDowngrade("free", "enterprise"), false);
  assert.equal(isDowngrade("pro", "pro"), false);
});

test("planExcess says exactly what to reduce, and nothing when usage fits", () => {
  const free = PLANS.free;
  assert.deepEqual(planExcess(free, { members: 1, streams: 3, fileBytes: 0, memoryBytes: 0 }), []);
  assert.deepEqual(planExcess(free, { members: free.seats.max + 2, streams: free.nats.jetStream.streams + 1, fileBytes: 1536 * 1024 * 1024, memoryBytes: 0 }), [
    `delete 1 stream (you have ${free.nats.jetStream.streams + 1}, Free allows ${free.nats.jetStream.streams})`,
    `remove 2 members (you have ${free.seats.max + 2}, Free allows ${free.seats.max})`,
    "free 512 MB of stream file storage (Free allows 1 GB)",
  ]);
  assert.deepEqual(planExcess(PLANS.enterprise, { members: 10_000, streams: 1, fileBytes: 0, memoryBytes: 0 }), [], "unlimited seats never exceed");
});

test("thresholds: 80% and 100% of a limit are reached, unlimited limits never", () => {
  const conn = PLANS.free.nats.account.conn;
  assert.deepEqual(reachedThresholds(PLANS.free, { connections: conn * 0.8 - 1 }), []);
  assert.deepEqual(
    reachedThresholds(PLANS.free, { connections: conn * 0.8 }).map((hit) => hit.threshold),
    [80],
  );
  assert.deepEqual(
    reachedThresholds(PLANS.free, { connections: conn, streams: 1 }).map((hit) => [hit.metric, hit.threshold]),
    [
      ["connections", 80],
      ["connections", 100],
    ],
  );
});

test("periods are UTC calendar months; usage buckets are hours", () => {
  const at = new Date("2026-12-31T23:59:59.999Z");
  assert.deepEqual(periodContaining(at), { start: new Date("2026-12-01T00:00:00Z"), end: new Date("2027-01-01T00:00:00Z") });
  assert.deepEqual(hourBucket(new Date("2026-11-23T11:59:00Z")), new Date("2026-11-23T11:00:00Z"));
});
