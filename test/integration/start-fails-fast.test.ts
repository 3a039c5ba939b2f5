import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { after, test } from "node:test";
import { runCommand } from "@/test/support/run-command";
import { makeTempDir } from "@/test/support/temp-dir";

const dataDir = makeTempDir("cordon-start");
after(() => dataDir.remove());

const start = (env: Record<string, string>) =>
  runCommand(process.execPath, ["--import", "tsx", "scripts/start.ts"], { ...process.env, CORDON_DATA_DIR: dataDir.path, ...env }, 60_000);

function lastLine(text: string): string {
  return text.trim().split("\n").at(-1) ?? "";
}

test("no nats-server on PATH: one line naming the fix, non-zero exit", async () => {
  const result = await start({ PATH: path.dirname(process.execPath), NATS_SERVER_BIN: "" });
  assert.notEqual(result.code, 0);
  assert.match(lastLine(result.stderr), /nats-server was not found on PATH: install it \(Debian\/Ubuntu: apt-get install nats-server\)/);
});

test("the app port in use: one line naming the variable, non-zero exit", async () => {
  const blocker = net.createServer();
  await new Promise<void>((resolve) => blocker.listen(0, "0.0.0.0", resolve));
  const { port } = blocker.address() as net.AddressInfo;
  try {
    const result = await start({ PORT: String(port) });
    assert.notEqual(result.code, 0);
    assert.match(lastLine(result.stderr), new RegExp(`Port ${port} \\(the app\\) is already in use: .* set PORT`));
  } finally {
    blocker.close();
  }
});

test("a second start on the same data directory is refused", async () => {
  writeFileSync(path.join(dataDir.path, "cordon.lock"), JSON.stringify({ pid: process.pid, groups: [] }));
  try {
    const result = await start({});
    assert.notEqual(result.code, 0);
    assert.match(lastLine(result.stderr), new RegExp(`already running from this data directory \\(pid ${process.pid}\\)`));
  } finally {
    writeFileSync(path.join(dataDir.path, "cordon.lock"), "");
  }
});

test("a data directory that cannot be created: one line naming CORDON_DATA_DIR", async () => {
  const aFile = path.join(dataDir.path, "not-a-directory");
  writeFileSync(aFile, "");
  const result = await start({ CORDON_DATA_DIR: path.join(aFile, "data") });
  assert.notEqual(result.code, 0);
  assert.match(lastLine(result.stderr), /Cannot create the data directory .* set CORDON_DATA_DIR/);
});
