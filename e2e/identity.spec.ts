import { expect, test, type Page } from "@playwright/test";
import { totpCodeAt } from "@/lib/auth/totp";

// One journey, in order: sign up → verify via the local outbox → enable TOTP →
// sign out → sign in needs the code → a recovery code works once → revoke another session.
test.describe.configure({ mode: "serial" });

const email = `ada-${Date.now()}@example.com`;
const password = "analytical engine notes 1843";
let totpSecret = "";
let recoveryCodes: string[] = [];

async function openLatestEmail(page: Page, subject: string) {
  await page.goto("/dev/mail");
  const message = page.getByRole("article", { name: `${subject} to ${email}` }).first();
  await expect(message).toBeVisible();
  await message.getByRole("link").first().click();
}

async function signIn(page: Page) {
  await page.goto("/login?next=/account/security");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/login$/);
}

test("sign up shows the password rules live and refuses a breached password", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: "Create an account" }).click();
  await page.getByLabel("Name").fill("Ada Lovelace");
  await page.getByLabel("Email").fill(email);
  const rules = page.getByRole("list", { name: "Password rules" });
  await page.getByLabel("Password", { exact: true }).fill("short");
  await expect(rules.locator('li[data-ok="false"]', { hasText: "12 characters" })).toBeVisible();
  await page.getByLabel("Password", { exact: true }).fill("password1234");
  await expect(rules.locator('li[data-ok="true"]', { hasText: "12 characters" })).toBeVisible();
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText(/too common/)).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue(email); // nothing typed is lost

  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText(`we sent a link to ${email}`)).toBeVisible();
});

test("the emailed link verifies the address", async ({ page }) => {
  await openLatestEmail(page, "Verify your email for Cordon");
  await page.getByRole("button", { name: "Verify my email address" }).click();
  await expect(page.getByText("Your email address is verified.")).toBeVisible();
});

test("enable TOTP: the code from the shown secret turns it on and recovery codes appear once", async ({ page }) => {
  await signIn(page);
  await expect(page).toHaveURL(/\/account\/security$/);
  await expect(page.getByRole("heading", { name: "Security", level: 1 })).toBeVisible();
  await page.getByRole("button", { name: "Set up authenticator app" }).click();
  totpSecret = (await page.getByTestId("totp-secret").textContent())!.trim();
  await expect(page.getByRole("img", { name: "QR code for your authenticator app" })).toBeVisible();
  await page.getByLabel("Code from the app").fill("000000");
  await page.getByRole("button", { name: "Confirm and enable" }).click();
  await expect(page.getByText("That code is not right")).toBeVisible();
  await page.getByLabel("Code from the app").fill(totpCodeAt(totpSecret));
  await page.getByRole("button", { name: "Confirm and enable" }).click();
  await expect(page.getByText("Authenticator app enabled.")).toBeVisible();
  recoveryCodes = await page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem").allTextContents();
  expect(recoveryCodes).toHaveLength(10);
  await signOut(page);
});

test("sign-in now needs the code; the password alone reaches no page", async ({ page }) => {
  await signIn(page);
  await expect(page).toHaveURL(/\/mfa/);
  await page.goto("/account/security");
  await expect(page).toHaveURL(/\/login/);

  await signIn(page);
  // Enrolment used the current step; the next step's code is inside the ±1 window and
  // stays valid if the clock crosses one 30 s boundary on a slow run.
  await page.getByLabel("Authentication code").fill(totpCodeAt(totpSecret, Date.now() + 30_000));
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page).toHaveURL(/\/account\/security$/);
  await signOut(page);
});

test("a recovery code works once and not twice", async ({ page }) => {
  await signIn(page);
  await page.getByLabel("Authentication code").fill(recoveryCodes[0]);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page).toHaveURL(/\/account\/security$/);
  await signOut(page);

  await signIn(page);
  await page.getByLabel("Authentication code").fill(recoveryCodes[0]);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByText("That code is not right")).toBeVisible();
  await expect(page).toHaveURL(/\/mfa/);
});

test("revoking another session signs that device out on its next request", async ({ browser }) => {
  const laptop = await browser.newPage();
  const phone = await browser.newPage({
    userAgent: "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1",
  });
  for (const [page, code] of [
    [laptop, recoveryCodes[1]],
    [phone, recoveryCodes[2]],
  ] as const) {
    await signIn(page);
    await page.getByLabel("Authentication code").fill(code);
    await page.getByRole("button", { name: "Verify" }).click();
    await expect(page).toHaveURL(/\/account\/security$/);
  }
  await laptop.reload();
  const phoneRow = laptop.getByRole("row").filter({ hasText: /Mobile Safari 17 on iOS|Safari 17 on iOS/ });
  await expect(phoneRow).toBeVisible();
  await phoneRow.getByRole("button", { name: /^Sign out / }).click();
  await expect(laptop.getByText("Session signed out.")).toBeVisible();

  await phone.reload();
  await expect(phone).toHaveURL(/\/login/);
  await laptop.reload();
  await expect(laptop.getByRole("heading", { name: "Security", level: 1 })).toBeVisible();
});
