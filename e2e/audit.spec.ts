import { expect, test } from "@playwright/test";
import { expectAccessible, signIn, signUp } from "./support/accounts";

// An admin changes a member's role and finds that change at the top of the
// Audit page, with who, what and the before/after diff, then exports it.
test.describe.configure({ mode: "serial" });

const stamp = Date.now();
const admin = { name: "Ava Auditor", email: `audit-admin-${stamp}@example.com`, password: "granite compass willow 2026" };
const member = { name: "Milo Member", email: `audit-member-${stamp}@example.com`, password: "amber kettle horizon 2026" };
const orgName = `Audit Works ${stamp}`;
const slug = `audit-works-${stamp}`;
let inviteLink = "";

test("an admin creates an organisation and an invite link", async ({ page }) => {
  await signUp(page, admin);
  await signIn(page, admin);
  await page.getByLabel("Name", { exact: true }).fill(orgName);
  await page.getByRole("button", { name: "Create organisation" }).click();
  await expect(page).toHaveURL(new RegExp(`/orgs/${slug}/members$`));
  await page.goto(`/orgs/${slug}/invites`);
  await page.getByRole("button", { name: "Create invite link" }).click();
  const field = page.getByRole("textbox", { name: "Shareable invite link" });
  await expect(field).toBeVisible();
  inviteLink = await field.inputValue();
});

test("a member joins through the link", async ({ page }) => {
  const invitePath = new URL(inviteLink).pathname;
  await signUp(page, member, `/signup?next=${encodeURIComponent(invitePath)}`);
  await signIn(page, member, invitePath);
  await page.getByRole("button", { name: `Join ${orgName}` }).click();
  await expect(page).toHaveURL(new RegExp(`/orgs/${slug}/members$`));
});

test("the admin changes the member's role and sees it on top of the Audit page, with the diff", async ({ page }) => {
  await signIn(page, admin, `/orgs/${slug}/members`);
  const role = page.getByRole("combobox", { name: `Role of ${member.name}` });
  await expect(role).toHaveValue("member");
  await role.selectOption({ label: "Manager" });
  await expect
    .poll(async () => {
      await page.reload();
      return page.getByRole("combobox", { name: `Role of ${member.name}` }).inputValue();
    })
    .toBe("manager");

  await page.getByRole("navigation", { name: "Organisation" }).getByRole("link", { name: "Audit" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Audit");
  const top = page.getByRole("row").nth(1); // the first row after the header
  await expect(top).toHaveAttribute("data-action", "member.role.change");
  await expect(top).toContainText(admin.email);
  await expect(top).toContainText(member.email);
  await expect(top).toContainText("success");
  await expectAccessible(page);

  const details = top.getByRole("button", { name: /^Details of member\.role\.change/ });
  await details.click();
  const dialog = page.getByRole("dialog", { name: "member.role.change" });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("A member's role was changed");
  const change = dialog.getByRole("table", { name: "Before and after" }).getByRole("row").filter({ hasText: "role" });
  await expect(change.locator("del")).toHaveText("Member");
  await expect(change.locator("ins")).toHaveText("Manager");
  await expect(dialog.locator("pre")).toContainText('"after"');
  await expectAccessible(page);
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(details).toBeFocused();

  // The same event through a filter, and through the member's history link.
  await page.getByLabel("Action").selectOption("member.*");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/action=member\.\*/);
  await expect(page.getByRole("row").nth(1)).toHaveAttribute("data-action", "member.role.change");
  await page.goto(`/orgs/${slug}/members`);
  await page.getByRole("link", { name: `History of ${member.name}` }).click();
  await expect(page).toHaveURL(/\/audit\?target=/);
  await expect(page.getByRole("row").nth(1)).toHaveAttribute("data-action", "member.role.change");

  // The export link streams the trail with the session cookie.
  const href = await page.getByRole("link", { name: "Export CSV" }).getAttribute("href");
  expect(href).toMatch(new RegExp(`^/api/v1/orgs/${slug}/audit/export\\?`));
  const csv = await page.request.get(href!);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect(await csv.text()).toContain("member.role.change");
});
