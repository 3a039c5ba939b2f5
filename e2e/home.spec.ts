import { expect, test } from "@playwright/test";

test("the home page renders and reports every part ready", async ({ page }) => {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto("/");
  await expect(page).toHaveTitle("Cordon");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("The control plane for multi-tenant NATS");
  const status = page.getByRole("region", { name: "System status" });
  await expect(status.getByText("All systems ready")).toBeVisible();
  for (const part of ["Database", "NATS system account", "Boot reconcile"]) {
    await expect(status.getByRole("definition").and(status.locator(`dt:text-is("${part}") + dd`))).toHaveText("Operational");
  }
  expect(errors).toEqual([]);
});
