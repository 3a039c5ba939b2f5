import { expect, test, type Page } from "@playwright/test";

// WebAuthn needs a domain as relying party ID (an IP address is refused), so
// this spec uses localhost, and Chromium's virtual authenticator (CDP) stands
// in for a security key.

const email = `grace-${Date.now()}@example.com`;
const password = "compiler bugs are moths 1947";

async function addVirtualAuthenticator(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      transport: "internal",
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
}

async function signIn(page: Page, base: string) {
  await page.goto(`${base}/login?next=/account/security`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("a passkey is registered, signs in as the second factor, is renamed and removed", async ({ page, baseURL }) => {
  const base = baseURL!.replace("127.0.0.1", "localhost");
  await addVirtualAuthenticator(page);

  await page.goto(`${base}/signup`);
  await page.getByLabel("Name").fill("Grace Hopper");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Check your inbox")).toBeVisible();

  await signIn(page, base);
  await expect(page).toHaveURL(/\/account\/security$/);
  await page.getByLabel("Passkey name").fill("Test key");
  await page.getByRole("button", { name: "Add a passkey" }).click();
  await expect(page.getByText("Passkey added.")).toBeVisible();
  await expect(page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem")).toHaveCount(10);
  await expect(page.getByRole("listitem", { name: "Passkey Test key" })).toBeVisible();

  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await signIn(page, base);
  await expect(page).toHaveURL(/\/mfa/);
  await page.getByRole("button", { name: "Use a passkey" }).click();
  await expect(page).toHaveURL(/\/account\/security$/);
  await expect(page.getByRole("listitem", { name: "Passkey Test key" })).toContainText("last used");

  const item = page.getByRole("listitem", { name: "Passkey Test key" });
  await item.getByRole("button", { name: "Rename" }).click();
  await item.getByLabel("New name").fill("YubiKey");
  await item.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Passkey renamed.")).toBeVisible();
  const renamed = page.getByRole("listitem", { name: "Passkey YubiKey" });
  await renamed.getByRole("button", { name: "Remove" }).click();
  await renamed.getByRole("button", { name: "Confirm removal" }).click();
  await expect(page.getByText("No passkeys yet.")).toBeVisible();
});
