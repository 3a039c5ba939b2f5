import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { findFreePort } from "@/lib/stack/ports";
import { makeTempDir } from "@/test/support/temp-dir";

// A second, private stack started with `scripts/start.ts` (the same build the
// other specs use): restart keeps data, and stopping leaves no process behind.
test.describe.configure({ timeout: 240_000 });

type Stack = { child: ChildProcess; exited: Promise<number | null>; output: () => string };

async function startStack(env: Record<string, string>, appPort: number): Promise<Stack> {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
  await expect
    .poll(async () => (await fetch(`http://127.0.0.1:${appPort}/api/ready`).catch(() => undefined))?.status, {
      timeout: 180_000,
      message: "stack did not become ready",
    })
    .toBe(200);
  return { child, exited, output: () => output };
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

test("restart keeps data; Ctrl-C stops every child", async () => {
  const dataDir = makeTempDir("cordon-lifecycle");
  const ports = { app: await findFreePort(), pg: await findFreePort(), nats: await findFreePort(), monitor: await findFreePort() };
  const env = {
    CORDON_DATA_DIR: dataDir.path,
    PORT: String(ports.app),
    HOSTNAME: "127.0.0.1",
    CORDON_PG_PORT: String(ports.pg),
    CORDON_NATS_PORT: String(ports.nats),
    CORDON_NATS_MONITOR_PORT: String(ports.monitor),
    CORDON_PG_PASSWORD: "lifecycle-test",
  };
  const dbUrl = `postgresql://cordon:lifecycle-test@127.0.0.1:${ports.pg}/cordon`;
  try {
    let stack = await startStack(env, ports.app);
    const lock = JSON.parse(readFileSync(path.join(dataDir.path, "cordon.lock"), "utf8")) as { groups: number[] };
    expect(lock.groups).toHaveLength(3); // postgres, nats-server, app

    const client = new pg.Client({ connectionString: dbUrl });
    await client.connect();
    await client.query(`INSERT INTO "Org" (id, slug, name, "updatedAt") VALUES (gen_random_uuid(), 'kept', 'Kept Org', now())`);
    await client.end();

    // A terminal's Ctrl-C plus the signals npm forwards: the second must not cut the shutdown short.
    stack.child.kill("SIGINT");
    setTimeout(() => stack.child.kill("SIGTERM"), 50);
    expect(await stack.exited).toBe(0);
    for (const group of lock.groups) expect(groupAlive(group), `process group ${group} outlived the stop`).toBe(false);

    stack = await startStack(env, ports.app);
    const again = new pg.Client({ connectionString: dbUrl });
    await again.connect();
    const { rows } = await again.query(`SELECT name FROM "Org" WHERE slug = 'kept'`);
    await again.end();
    expect(rows).toEqual([{ name: "Kept Org" }]);
    stack.child.kill("SIGINT");
    expect(await stack.exited).toBe(0);
  } finally {
    dataDir.remove();
  }
});
