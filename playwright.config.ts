import os from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";

// `npm test` picks free ports and a scratch data directory and passes them in.
const port = Number(process.env.E2E_PORT ?? 3100);
const dataDir = process.env.E2E_DATA_DIR ?? path.join(os.tmpdir(), `cordon-e2e-${port}`);

export default defineConfig({
  testDir: "e2e",
  timeout: 60_000,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  outputDir: path.join(os.tmpdir(), "cordon-playwright-results"),
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: "chromium",
    trace: "retain-on-failure",
    launchOptions: {
      // Debian's Chromium: no browser download on these machines.
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: {
    // The app exactly as `npm start` runs it: embedded PostgreSQL, operator-mode nats-server, production build.
    command: `"${process.execPath}" --import tsx scripts/start.ts`,
    url: `http://127.0.0.1:${port}/api/ready`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: "pipe",
    gracefulShutdown: { signal: "SIGINT", timeout: 30_000 },
    env: {
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      CORDON_DATA_DIR: dataDir,
      CORDON_PG_PORT: process.env.E2E_PG_PORT ?? "54400",
      CORDON_NATS_PORT: process.env.E2E_NATS_PORT ?? "4400",
      CORDON_NATS_MONITOR_PORT: process.env.E2E_NATS_MONITOR_PORT ?? "8400",
    },
  },
});
