import assert from "node:assert/strict";
import { test } from "node:test";
import { buildInvoiceLines, invoiceNumber } from "@/lib/billing/build-invoice-lines";
import { PLANS } from "@/lib/billing/plans";

test("a Free invoice is its zero base line, whatever the usage", () => {
  const { lines, totalCents } = buildInvoiceLines(PLANS.free, { members: 5, metered: { api_requests: 9_000_000, messages: 9_000_000_000 } });
  assert.deepEqual(lines, [{ description: "Free plan", quantity: 1, unitCents: 0, amountCents: 0 }]);
  assert.equal(totalCents, 0);
});

test("Pro: base + seats beyond those included + overage per started block; the total is the sum of the lines", () => {
  const pro = PLANS.pro;
  const { lines, totalCents } = buildInvoiceLines(pro, {
    members: pro.seats.included + 3,
    metered: { api_requests: 1_000_000 + 250_001, messages: 50_000_000 + 1 },
  });
  assert.deepEqual(
    lines.map((line) => [line.quantity, line.unitCents, line.amountCents]),
    [
      [1, 49_00, 49_00],
      [3, 10_00, 30_00],
      [3, 1_00, 3_00], // 250,001 over → 3 blocks of 100,000
      [1, 50, 50], // one message over → one block of a million
    ],
  );
  assert.equal(totalCents, 49_00 + 30_00 + 3_00 + 50);
  assert.equal(
    totalCents,
    lines.reduce((sum, line) => sum + line.amountCents, 0),
  );
  assert.match(lines[2].description, /API requests beyond 1,000,000: 250,001/);
});

test("usage within what the plan includes adds no lines", () => {
  const { lines, totalCents } = buildInvoiceLines(PLANS.enterprise, { members: 2, metered: { api_requests: 20_000_000, messages: 0 } });
  assert.equal(lines.length, 1);
  assert.equal(totalCents, PLANS.enterprise.priceCents);
});

test("invoice numbers name the month and the org, the same every time", () => {
  const org = "0196f0c2-7a1b-7c3d-9e4f-a1b2c3d4e5f6";
  assert.equal(invoiceNumber(org, new Date("2026-11-01T00:00:00Z")), "INV-202611-C3D4E5F6");
  assert.equal(invoiceNumber(org, new Date("2026-11-01T00:00:00Z")), invoiceNumber(org, new Date("2026-11-01T00:00:00Z")));
  assert.notEqual(invoiceNumber(org, new Date("2026-12-01T00:00:00Z")), invoiceNumber(org, new Date("2026-11-01T00:00:00Z")));
});
