// The Cordon CLI: thin commands over lib/. See `cordon help`.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { LOCAL_STACK_DEFAULTS } from "@/lib/config/config";
import { disconnectDb, getDb } from "@/lib/db/client";
import { runDoctor } from "@/lib/doctor/run-doctor";
import { openNatsRuntime } from "@/lib/nats/open-runtime";
import { reconcileAccounts } from "@/lib/nats/reconcile-accounts";
import { verifyAccounts } from "@/lib/nats/verify-accounts";
import { OperatorKeys } from "@/lib/nats/derive-keys";
import { buildOperatorJwt, buildSystemAccountJwt } from "@/lib/nats/operator-jwts";
import { renderNatsServerConfig } from "@/lib/nats/server-config";
import { applyEnvFile } from "@/lib/stack/env-file";

const root = path.resolve(import.meta.dirname, "..");
applyEnvFile(path.join(root, ".env.local"));

const HELP = `Usage: cordon <command> [options]

Commands:
  doctor                 Check Node, nats-server, configuration, database and NATS; exit 1 if anything is wrong
  org list               Organisations with their plan, NATS account status and member count
  accounts rebuild-all   Rebuild and push every organisation's NATS account (idempotent)
  accounts verify-all    Compare every account on the NATS servers with the database; exit 1 on drift
  nats-config   Write an operator-mode nats-server config for OPERATOR_SEED
                  --dir DIR  --host HOST  --port N  --monitor-port N  --store-dir DIR  --resolver-dir DIR
  help          Show this text`;

async function doctor(): Promise<number> {
  const checks = await runDoctor();
  const width = Math.max(...checks.map((check) => check.name.length));
  for (const check of checks) console.log(`${check.ok ? "ok  " : "FAIL"}  ${check.name.padEnd(width)}  ${check.detail}`);
  const failed = checks.filter((check) => !check.ok).length;
  console.log(failed ? `\n${failed} problem(s) found.` : "\nEverything Cordon needs is in place.");
  return failed ? 1 : 0;
}

async function natsConfig(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      dir: { type: "string" },
      host: { type: "string", default: "127.0.0.1" },
      port: { type: "string", default: String(LOCAL_STACK_DEFAULTS.natsPort) },
      "monitor-port": { type: "string", default: String(LOCAL_STACK_DEFAULTS.natsMonitorPort) },
      "store-dir": { type: "string" },
      "resolver-dir": { type: "string" },
    },
  });
  if (!values.dir) throw new UsageError("nats-config needs --dir");
  if (!process.env.OPERATOR_SEED) throw new UsageError("OPERATOR_SEED is not set");
  const keys = new OperatorKeys(process.env.OPERATOR_SEED);
  const dir = path.resolve(values.dir);
  mkdirSync(dir, { recursive: true });
  const operatorJwtPath = path.join(dir, "operator.jwt");
  writeFileSync(operatorJwtPath, await buildOperatorJwt(keys));
  const config = renderNatsServerConfig({
    host: values.host,
    port: Number(values.port),
    monitorPort: Number(values["monitor-port"]),
    operatorJwtPath,
    systemAccountPublicKey: keys.systemAccount().getPublicKey(),
    systemAccountJwt: await buildSystemAccountJwt(keys),
    jwtDir: path.resolve(values["resolver-dir"] ?? path.join(dir, "jwt")),
    jetStreamDir: path.resolve(values["store-dir"] ?? path.join(dir, "jetstream")),
  });
  writeFileSync(path.join(dir, "nats-server.conf"), config);
  console.log(`wrote ${path.join(dir, "nats-server.conf")} and ${operatorJwtPath}`);
  return 0;
}

async function org(args: string[]): Promise<number> {
  if (args[0] !== "list") throw new UsageError("usage: cordon org list");
  const orgs = await getDb().org.findMany({ where: { deletedAt: null }, orderBy: { slug: "asc" }, include: { _count: { select: { memberships: true } } } });
  if (!orgs.length) console.log("No organisations yet.");
  for (const o of orgs)
    console.log(`${o.slug.padEnd(32)} ${o.tier.padEnd(10)} ${o.status.padEnd(8)} ${String(o._count.memberships).padStart(6)} members  ${o.natsError ?? ""}`);
  return 0;
}

async function accounts(args: string[]): Promise<number> {
  if (args[0] !== "rebuild-all" && args[0] !== "verify-all") throw new UsageError("usage: cordon accounts rebuild-all | verify-all");
  const nats = await openNatsRuntime();
  try {
    if (args[0] === "rebuild-all") {
      const report = await reconcileAccounts(getDb(), nats, { concurrency: 16 });
      console.log(`${report.pushed} of ${report.orgs} accounts pushed in ${report.ms} ms; ${report.failed} failed.`);
      return report.failed ? 1 : 0;
    }
    const checks = await verifyAccounts(getDb(), nats);
    for (const check of checks) {
      console.log(`${check.state === "ok" ? "ok   " : check.state.toUpperCase().padEnd(5)}  ${check.slug}  ${check.account}`);
      for (const difference of check.differences) console.log(`         ${difference}`);
    }
    const bad = checks.filter((check) => check.state !== "ok").length;
    console.log(
      bad
        ? `\n${bad} of ${checks.length} accounts differ from the database: run \`cordon accounts rebuild-all\`.`
        : `\nAll ${checks.length} accounts match the database.`,
    );
    return bad ? 1 : 0;
  } finally {
    await nats.close();
  }
}

class UsageError extends Error {}

const [command, ...rest] = process.argv.slice(2);
const commands: Record<string, (args: string[]) => Promise<number>> = { doctor, "nats-config": natsConfig, org, accounts };

try {
  if (!command || command === "help" || command === "--help") {
    console.log(HELP);
    process.exitCode = command ? 0 : 2;
  } else if (!commands[command]) {
    console.error(`Unknown command "${command}".\n\n${HELP}`);
    process.exitCode = 2;
  } else {
    process.exitCode = await commands[command](rest);
    await disconnectDb();
  }
} catch (error) {
  console.error(error instanceof UsageError ? `cordon: ${error.message}` : error);
  process.exitCode = error instanceof UsageError ? 2 : 1;
}
