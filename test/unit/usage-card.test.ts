import assert from "node:assert/strict";
import { test } from "node:test";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { UsageCard } from "@/components/nats/usage-card";
import type { AccountUsage } from "@/lib/nats/get-account-usage";
import { TIER_LIMITS } from "@/lib/nats/tiers";

const render = (usage: AccountUsage) => renderToStaticMarkup(createElement(UsageCard, { usage, limits: TIER_LIMITS.free }));

test("usage against the plan: text for everyone and a meter with the same figures", () => {
  const html = render({
    available: true,
    connections: 20,
    subscriptions: 7,
    leafNodes: 0,
    slowConsumers: 0,
    messages: { in: 1_500, out: 3_000 },
    bytes: { in: 2048, out: 4096 },
    jetStream: { memory: 0, storage: 512 * 1024 * 1024, streams: 5, consumers: 1 },
  });
  assert.match(html, /20 of 25/);
  assert.match(html, /role="meter" aria-labelledby="usage-connections" aria-valuemin="0" aria-valuemax="25" aria-valuenow="20" aria-valuetext="20 of 25"/);
  assert.match(html, /bg-amber-500/, "80% and more is a warning");
  assert.match(html, /5 of 5/);
  assert.match(html, /bg-red-600/, "a limit reached is red");
  assert.match(html, /512 MB of 1 GB/);
  assert.match(html, /0 \(not in your plan\)/, "Free has no leaf nodes: no bar, and it says why");
  assert.match(html, /7 \(limit 1,000 per connection\)/);
  assert.match(html, /1,500 \/ 3,000/);
});

test("without NATS the card says usage is unavailable and why", () => {
  const html = render({ available: false, reason: "NATS is not connected" });
  assert.match(html, /Usage unavailable: NATS is not connected\./);
  assert.doesNotMatch(html, /role="meter"/);
});
