import { expect, test } from "@playwright/test";
import { expectAccessible, signIn, signUp } from "./support/accounts";

// An admin creates an API key in the console, a machine client uses it
// against /api/v1 (only within its scopes), and revoking it stops it at once.
test.describe.configure({ mode: "serial" });

const stamp = Date.now();
const admin = { name: "Kai Keys", email: `keys-${stamp}@example.com`, password: "granite puzzle orchard 2026" };
const slug = `keys-${stamp}`;
let apiKey = "";

test("an admin creates a scoped API key and sees it once", async ({ page }) => {
  await signUp(page, admin);
  await signIn(page, admin);
  await page.getByLabel("Name", { exact: true }).fill(`Keys ${stamp}`);
  await page.getByRole("button", { name: "Create organisation" }).click();
  await expect(page).toHaveURL(new RegExp(`/orgs/${slug}/members$`));

  await page.goto(`/orgs/${slug}/api-keys`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("API keys");
  await page.getByRole("button", { name: "Create API key" }).click();
  await expect(page.getByText("Enter a name for the key.")).toBeVisible();
  await page.getByLabel("Name", { exact: true }).fill("CI reader");
  await page.getByRole("group", { name: "Members" }).getByRole("checkbox").first().check();
  await page.getByRole("button", { name: "Create API key" }).click();
  const field = page.getByRole("textbox", { name: "Your new API key" });
  await expect(field).toBeVisible();
  apiKey = await field.inputValue();
  expect(apiKey).toMatch(/^cdn_[a-z2-7]{12}_[A-Za-z0-9_-]{43}$/);
  await expectAccessible(page);
  await page.getByRole("button", { name: "I have copied it" }).click();
  await expect(page.getByRole("textbox", { name: "Your new API key" })).toHaveCount(0);
  await expect(page.getByRole("row").filter({ hasText: "CI reader" })).toContainText("members:read");
});

test("the key works against the API within its scopes only", async ({ request }) => {
  const headers = { authorization: `Bearer ${apiKey}` };
  const members = await request.get(`/api/v1/orgs/${slug}/members`, { headers });
  expect(members.status()).toBe(200);
  expect(members.headers()["ratelimit-limit"]).toBe("100");
  expect((await members.json()).members[0].email).toBe(admin.email);
  const invites = await request.get(`/api/v1/orgs/${slug}/invites`, { headers });
  expect(invites.status()).toBe(403);
  expect(invites.headers()["content-type"]).toContain("application/problem+json");
  const spec = await request.get("/api/v1/openapi.json");
  expect((await spec.json()).paths["/orgs/{slug}/api-keys"].post.summary).toContain("API key");
});

test("the API reference renders, and revoking the key stops it", async ({ page, request }) => {
  await page.goto("/docs/api");
  await expect(page.getByRole("heading", { name: "API reference" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "API keys" })).toBeVisible();
  await expectAccessible(page);

  await signIn(page, admin, `/orgs/${slug}/api-keys`);
  await page.getByRole("button", { name: "Revoke API key CI reader" }).click();
  await page.getByRole("button", { name: "Revoke CI reader" }).click();
  await expect(page.getByRole("row").filter({ hasText: "CI reader" })).toContainText(/revoked/i);
  const after = await request.get(`/api/v1/orgs/${slug}/members`, { headers: { authorization: `Bearer ${apiKey}` } });
  expect(after.status()).toBe(401);
});
