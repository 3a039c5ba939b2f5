import { expect, test } from "@playwright/test";
import { expectAccessible, signIn, signUp } from "./support/accounts";

// Issue 10: an admin upgrades Free → Pro on the Billing page with the built-in
// (local) payment provider, and the NATS page shows Pro's limits at once.
test.describe.configure({ mode: "serial" });

const stamp = Date.now();
const admin = { name: "Bea Billing", email: `billing-${stamp}@example.com`, password: "amber kettle orchard 2026" };
const slug = `billing-co-${stamp}`;

test("an admin upgrades to Pro and sees the new limits on the NATS page", async ({ page }) => {
  await signUp(page, admin);
  await signIn(page, admin);
  await expect(page).toHaveURL(/\/orgs$/);
  await page.getByLabel("Name", { exact: true }).fill(`Billing Co ${stamp}`);
  await page.getByRole("button", { name: "Create organisation" }).click();
  await expect(page).toHaveURL(new RegExp(`/orgs/${slug}/members$`));

  await page
    .getByRole("navigation", { name: "Organisation" })
    .getByRole("link", { name: /^Billing/ })
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Billing");
  await expect(page.getByRole("region", { name: "Subscription" })).toContainText("Free, $0.00 per month");
  await expectAccessible(page);

  await page.getByRole("combobox", { name: "Plan" }).selectOption("pro");
  await page.getByRole("button", { name: "Change plan" }).click();
  await page.getByRole("button", { name: "Confirm plan change" }).click();
  await expect(page.getByText("Plan changed to Pro. The new limits are live on the NATS servers.")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("region", { name: "Subscription" })).toContainText("Pro, $49.00 per month");

  await page.goto(`/orgs/${slug}/nats`);
  const limits = page.getByRole("region", { name: "Limits" });
  await expect(limits.getByRole("row", { name: /^Connections/ })).toContainText("250");
  await expect(limits.getByRole("row", { name: /^Streams/ })).toContainText("25");
  await expect(page.getByRole("region", { name: "Account" })).toContainText(/Plan\s*pro/i);
});
