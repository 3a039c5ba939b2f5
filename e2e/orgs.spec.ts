import { expect, test } from "@playwright/test";
import { expectAccessible, signIn, signUp } from "./support/accounts";

// The journey: an admin creates an org, invites by link, a new user
// signs up through it, gets a custom role with two permissions, sees only what
// it allows, and is removed. Every console page is checked with axe.
test.describe.configure({ mode: "serial" });

const stamp = Date.now();
const admin = { name: "Ada Admin", email: `admin-${stamp}@example.com`, password: "quartz lantern meadow 2026" };
const newcomer = { name: "Nina Newcomer", email: `nina-${stamp}@example.com`, password: "copper violin harbour 2026" };
const orgName = `Acme Robotics ${stamp}`;
let slug = "";
let inviteLink = "";

test("an admin creates an organisation and lands in its console", async ({ page }) => {
  await signUp(page, admin);
  await signIn(page, admin);
  await expect(page).toHaveURL(/\/orgs$/);
  await expect(page.getByText("You are not in any organisation yet.")).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Name", { exact: true }).fill(orgName);
  await expect(page.getByLabel("URL name")).toHaveValue(`acme-robotics-${stamp}`);
  await page.getByRole("button", { name: "Create organisation" }).click();
  await expect(page).toHaveURL(new RegExp(`/orgs/acme-robotics-${stamp}/members$`));
  slug = `acme-robotics-${stamp}`;
  await expect(page.getByRole("row").filter({ hasText: admin.email })).toContainText("Ada Admin");
  for (const section of ["Members", "Teams", "Invites", "Roles", "API keys", "NATS", "Billing", "Audit", "Settings"]) {
    await page
      .getByRole("navigation", { name: "Organisation" })
      .getByRole("link", { name: new RegExp(`^${section}`) })
      .click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(section);
    await expectAccessible(page);
  }
});

test("the admin creates a shareable invite link", async ({ page }) => {
  await signIn(page, admin, `/orgs/${slug}/invites`);
  await page.getByRole("button", { name: "Create invite link" }).click();
  const field = page.getByRole("textbox", { name: "Shareable invite link" });
  await expect(field).toBeVisible();
  inviteLink = await field.inputValue();
  expect(inviteLink).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
  await expect(page.getByRole("row").filter({ hasText: "Shareable link" })).toContainText("0 / 25");
  await expectAccessible(page);
});

test("a new user signs up through the link and joins", async ({ page }) => {
  const invitePath = new URL(inviteLink).pathname;
  await page.goto(invitePath);
  await expect(page.getByRole("heading", { name: `Join ${orgName}` })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Create an account to join" }).click();
  await expect(page).toHaveURL(/\/signup\?next=/);
  await signUp(page, newcomer, page.url());
  await page.getByRole("link", { name: "Go to sign in" }).click();
  await page.getByLabel("Email").fill(newcomer.email);
  await page.getByLabel("Password", { exact: true }).fill(newcomer.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(new RegExp(`${invitePath}$`));
  await page.getByRole("button", { name: `Join ${orgName}` }).click();
  await expect(page).toHaveURL(new RegExp(`/orgs/${slug}/members$`));
});

test("the admin makes a custom role with two permissions and assigns it", async ({ page }) => {
  await signIn(page, admin, `/orgs/${slug}/roles`);
  await page.getByLabel("Role name").fill("Roster Reader");
  await page.getByLabel("Description").fill("Sees members and teams");
  await page
    .getByRole("group", { name: "Permissions" })
    .getByLabel(/ members:read$/)
    .check();
  await page
    .getByRole("group", { name: "Permissions" })
    .getByLabel(/ teams:read$/)
    .check();
  await page.getByRole("button", { name: "Create role" }).click();
  await expect(page.getByText("Role created.")).toBeVisible();
  await expect(page.getByRole("checkbox", { name: "Roster Reader: members:read" })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: "Roster Reader: members:write" })).not.toBeChecked();
  await expectAccessible(page);

  await page.goto(`/orgs/${slug}/members`);
  await page.getByRole("combobox", { name: `Role of ${newcomer.name}` }).selectOption({ label: "Roster Reader" });
  await expect
    .poll(async () => {
      await page.reload();
      return page.getByRole("combobox", { name: `Role of ${newcomer.name}` }).inputValue();
    })
    .toMatch(/^custom:/);
});

test("the new member sees only what the role allows", async ({ page }) => {
  await signIn(page, newcomer, `/orgs/${slug}/members`);
  const nav = page.getByRole("navigation", { name: "Organisation" });
  await expect(nav.getByRole("link")).toHaveText(["Members", "Teams", "Settings"]);
  await expect(page.getByRole("row").filter({ hasText: admin.email })).toBeVisible();
  await expect(page.getByRole("combobox", { name: /^Role of/ })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Remove/ })).toHaveCount(0);
  await page.goto(`/orgs/${slug}/roles`);
  await expect(page.getByText("You do not have access to this section")).toBeVisible();
  await page.goto(`/orgs/${slug}/invites`);
  await expect(page.getByText("invites:read")).toBeVisible();
});

test("the admin removes them, and they can no longer open the organisation", async ({ page, browser }) => {
  await signIn(page, admin, `/orgs/${slug}/members`);
  const row = page.getByRole("row").filter({ hasText: newcomer.email });
  await row.getByRole("button", { name: `Remove ${newcomer.name}` }).click();
  await row.getByRole("button", { name: `Remove ${newcomer.name}` }).click();
  await expect(page.getByRole("row").filter({ hasText: newcomer.email })).toHaveCount(0);

  const other = await browser.newPage();
  await signIn(other, newcomer, `/orgs/${slug}/members`);
  await expect(other.getByRole("heading", { name: /This page could not be found/ })).toBeVisible();
});
