import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { connect, credsAuthenticator, type NatsConnection } from "@nats-io/transport-node";
import { expectAccessible, signIn, signUp } from "./support/accounts";

// Issue 8: an admin creates a NATS user with permissions and downloads its
// creds; this test process connects with them to the stack's nats-server and
// publishes and subscribes inside and outside the grant; the admin revokes the
// user and the connected client is cut off.
test.describe.configure({ mode: "serial" });

const stamp = Date.now();
const admin = { name: "Nat Admin", email: `nats-${stamp}@example.com`, password: "granite harbour lantern 2026" };
const slug = `nats-co-${stamp}`;
// playwright.config.ts starts the stack's nats-server on this port.
const natsUrl = `nats://127.0.0.1:${process.env.E2E_NATS_PORT ?? "4400"}`;
let creds = "";
let client: NatsConnection | undefined;
const serverErrors: string[] = [];

test.afterAll(async () => {
  if (client && !client.isClosed()) await client.close();
});

async function waitFor(check: () => boolean, timeoutMs = 3_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return check();
}

test("an admin creates a NATS user with permissions and gets its creds once", async ({ page }) => {
  await signUp(page, admin);
  await signIn(page, admin);
  await expect(page).toHaveURL(/\/orgs$/);
  await page.getByLabel("Name", { exact: true }).fill(`Nats Co ${stamp}`);
  await page.getByRole("button", { name: "Create organisation" }).click();
  await expect(page).toHaveURL(new RegExp(`/orgs/${slug}/members$`));

  await page.goto(`/orgs/${slug}/nats`);
  await page.getByRole("navigation", { name: "NATS" }).getByRole("link", { name: "Users" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("NATS users");
  await expectAccessible(page);

  await page.getByLabel("Name", { exact: true }).fill("orders-app");
  await page.getByLabel("Publish: allow").fill("orders.>");
  await page.getByLabel("Subscribe: allow").fill("orders.>");
  await page.getByRole("button", { name: "Create user and issue credentials" }).click();

  const file = page.getByRole("textbox", { name: "orders-app.creds" });
  await expect(file).toBeVisible();
  creds = await file.inputValue();
  expect(creds).toContain("-----BEGIN NATS USER JWT-----");
  expect(creds).toContain("-----BEGIN USER NKEY SEED-----");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download orders-app.creds" }).click()]);
  expect(download.suggestedFilename()).toBe("orders-app.creds");
  expect(readFileSync(await download.path(), "utf8")).toBe(creds);
  await expectAccessible(page);

  await page.reload();
  await expect(page.getByRole("textbox", { name: "orders-app.creds" })).toHaveCount(0);
  await expect(page.getByRole("row", { name: /orders-app/ })).toContainText("pub: orders.>");
});

test("the creds work inside the grant and are refused outside it", async () => {
  client = await connect({ servers: natsUrl, authenticator: credsAuthenticator(new TextEncoder().encode(creds)), maxReconnectAttempts: 0 });
  void (async () => {
    for await (const status of client!.status()) if (status.type === "error") serverErrors.push(String((status as { error?: Error }).error?.message));
  })();
  const received: string[] = [];
  client.subscribe("orders.>", { callback: (error, message) => void (error ? undefined : received.push(message.subject)) });
  client.subscribe("payments.>", { callback: (error, message) => void (error ? undefined : received.push(message.subject)) });
  await client.flush();
  client.publish("orders.created", "inside");
  client.publish("payments.created", "outside");
  await client.flush();
  expect(await waitFor(() => received.includes("orders.created"))).toBe(true);
  expect(await waitFor(() => serverErrors.some((e) => e.includes('Permissions Violation for Publish to "payments.created"')))).toBe(true);
  expect(serverErrors.some((e) => e.includes('Permissions Violation for Subscription to "payments.>"'))).toBe(true);
  expect(received).toEqual(["orders.created"]);
});

test("the admin revokes the user and the connected client is cut off", async ({ page }) => {
  await signIn(page, admin, `/orgs/${slug}/nats/users`);
  await expect(page.getByRole("row", { name: /orders-app/ })).toContainText("Connected now");
  await page.getByRole("link", { name: "orders-app" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("orders-app");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Revoke orders-app", exact: true }).click();
  await page.getByRole("button", { name: "Revoke orders-app for good" }).click();
  await expect(page.getByText("Revoked: its connections were cut and its credentials no longer work.")).toBeVisible();
  expect(await waitFor(() => serverErrors.some((e) => e.includes("User Authentication Revoked")) || client!.isClosed())).toBe(true);
  await expect(connect({ servers: natsUrl, authenticator: credsAuthenticator(new TextEncoder().encode(creds)), maxReconnectAttempts: 0 })).rejects.toThrow(
    /Authorization Violation/,
  );
});
