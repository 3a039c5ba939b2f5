// The Cordon CLI: thin commands over lib/. See `cordon help`.
import { mkdirSync, writeFileSync } from "node:fs";
import { hostname, userInfo } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
import { LOCAL_STACK_DEFAULTS } from "@/lib/config/config";
import { disconnectDb, getDb } from "@/lib/db/client";
import { amount } from "@/components/nats/amount";
import type { AuditActor } from "@/lib/audit/record-audit";
import { runDoctor } from "@/lib/doctor/run-doctor";
import { DomainError, NotFoundError } from "@/lib/errors/domain-errors";
import { changeTierByOperator } from "@/lib/nats/change-tier";
import { getAccountUsage } from "@/lib/nats/get-account-usage";
import { TIER_LIMITS } from "@/lib/nats/tiers";
import { createOrgByOperator } from "@/lib/orgs/create-org-by-operator";
import { DELETE_GRACE_DAYS, deleteOrgByOperator } from "@/lib/orgs/delete-org";
import { openNatsRuntime } from "@/lib/nats/open-runtime";
import { reconcileAccounts } from "@/lib/nats/reconcile-accounts";
import { verifyAccounts } from "@/lib/nats/verify-accounts";
import { OperatorKeys } from "@/lib/nats/derive-keys";
import { buildOperatorJwt, buildSystemAccountJwt } from "@/lib/nats/operator-jwts";
import { renderNatsServerConfig } from "@/lib/nats/server-config";
import { applyEnvFile } from "@/lib/stack/env-file";
import { AUDIT_HELP, auditCommand } from "./audit-commands";

const root = path.resolve(import.meta.dirname, "..");
applyEnvFile(path.join(root, ".env.local"));

const HELP = `Usage: cordon <command> [options]

Commands:
  doctor                 Check Node, nats-server, configuration, database and NATS; exit 1 if anything is wrong
  org list               Organisations with their plan, NATS account status and member count
  org create NAME --owner EMAIL [--tier free|pro|enterprise]
                         Create an organisation for an existing user (its Admin) and push its NATS account
  org delete SLUG [--yes]
                         Delete an organisation (asks for its slug unless --yes); its NATS account is removed after ${DELETE_GRACE_DAYS} days
  org limits SLUG [--tier free|pro|enterprise]
                         Show the plan's limits and live usage; with --tier, change the plan first
  accounts rebuild-all   Rebuild and push every organisation's NATS account (idempotent)
  accounts verify-all    Compare every account on the NATS servers with the database; exit 1 on drift
${AUDIT_HELP}
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

// Changes made from the CLI are audited as the operator on this machine, not as a member.
const CLI_ACTOR: AuditActor = { type: "cli", label: `cordon CLI (${userInfo().username}@${hostname()})` };

/** NATS for commands that can do without it: null, with a note, when it is unreachable. */
async function reachNats(): Promise<Awaited<ReturnType<typeof openNatsRuntime>> | null> {
  try {
    return await openNatsRuntime();
  } catch (error) {
    console.error(`NATS is unreachable (${(error as Error).message}): the database changes anyway, and the app's reconciler updates NATS.`);
    return null;
  }
}

async function orgCreate(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { owner: { type: "string" }, tier: { type: "string" } } });
  if (positionals.length !== 1 || !values.owner) throw new UsageError("usage: cordon org create NAME --owner EMAIL [--tier free|pro|enterprise]");
  const nats = await reachNats();
  try {
    const { org, push } = await createOrgByOperator(getDb(), nats, { name: positionals[0], owner: values.owner, tier: values.tier }, CLI_ACTOR);
    console.log(`Created ${org.slug} on ${org.tier} with ${values.owner} as Admin.`);
    console.log(push.ok ? `NATS account ${org.natsAccount} is active.` : `The NATS account is pending (${push.error}); the app's reconciler pushes it.`);
    return 0;
  } finally {
    await nats?.close();
  }
}

async function orgDelete(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { yes: { type: "boolean", default: false } } });
  if (positionals.length !== 1) throw new UsageError("usage: cordon org delete SLUG [--yes]");
  const [slug] = positionals;
  let confirmation = slug;
  if (!values.yes) {
    if (!process.stdin.isTTY) throw new UsageError("org delete asks for confirmation: run it in a terminal, or pass --yes");
    const prompt = createInterface({ input: process.stdin, output: process.stdout });
    confirmation = await prompt.question(`Type ${slug} to delete it: `);
    prompt.close();
  }
  const { purgeAfter } = await deleteOrgByOperator(getDb(), slug, confirmation, CLI_ACTOR);
  console.log(`Deleted ${slug}. Its NATS account is removed after ${purgeAfter.toISOString()}.`);
  return 0;
}

async function orgLimits(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { tier: { type: "string" } } });
  if (positionals.length !== 1) throw new UsageError("usage: cordon org limits SLUG [--tier free|pro|enterprise]");
  const [slug] = positionals;
  const nats = await reachNats();
  try {
    if (values.tier !== undefined) {
      const change = await changeTierByOperator(getDb(), nats, slug, { tier: values.tier }, CLI_ACTOR);
      console.log(
        !change.changed
          ? `${slug} is already on ${change.tier}.`
          : change.push.ok
            ? `${slug} is now on ${change.tier}; the new limits are live.`
            : `${slug} is now on ${change.tier}, but NATS has not applied it yet (${change.push.error}); the app's reconciler retries.`,
      );
    }
    const found = await getDb().org.findFirst({ where: { slug, deletedAt: null } });
    if (!found) throw new NotFoundError("Organisation");
    const limits = TIER_LIMITS[found.tier];
    const usage = await getAccountUsage(nats, found.natsAccount);
    const live = usage.available ? usage : undefined;
    const rows: [string, number | undefined, string][] = [
      ["connections", live?.connections, amount(limits.account.conn, "count")],
      ["subscriptions", live?.subscriptions, `${amount(limits.account.subs, "count")} per connection`],
      ["leaf nodes", live?.leafNodes, amount(limits.account.leaf, "count")],
      ["streams", live?.jetStream?.streams, amount(limits.jetStream.streams, "count")],
      ["consumers", live?.jetStream?.consumers, amount(limits.jetStream.consumer, "count")],
      ["payload", undefined, amount(limits.account.payload, "bytes")],
      ["imports", undefined, amount(limits.account.imports, "count")],
      ["exports", undefined, amount(limits.account.exports, "count")],
    ];
    const bytes: [string, number | undefined, number][] = [
      ["jetstream memory", live?.jetStream?.memory, limits.jetStream.mem_storage],
      ["jetstream disk", live?.jetStream?.storage, limits.jetStream.disk_storage],
    ];
    console.log(`${found.slug}  plan ${found.tier}  account ${found.natsAccount ?? "not pushed yet"}\n`);
    console.log(`${"".padEnd(18)}${"used".padStart(12)}  limit`);
    const line = (label: string, used: string, limit: string) => console.log(`${label.padEnd(18)}${used.padStart(12)}  ${limit}`);
    for (const [label, used, limit] of rows) line(label, used === undefined ? "-" : amount(used, "count"), limit);
    for (const [label, used, limit] of bytes) line(label, used === undefined ? "-" : amount(used, "bytes"), amount(limit, "bytes"));
    console.log(
      usage.available
        ? `\nmessages in / out: ${amount(usage.messages.in, "count")} / ${amount(usage.messages.out, "count")}; data in / out: ${amount(usage.bytes.in, "bytes")} / ${amount(usage.bytes.out, "bytes")}`
        : `\nUsage unavailable: ${usage.reason}.`,
    );
    return 0;
  } finally {
    await nats?.close();
  }
}

async function org(args: string[]): Promise<number> {
  const subcommands: Record<string, (args: string[]) => Promise<number>> = { create: orgCreate, delete: orgDelete, limits: orgLimits };
  if (subcommands[args[0]]) return subcommands[args[0]](args.slice(1));
  if (args[0] !== "list") throw new UsageError("usage: cordon org list | create | delete | limits (see cordon help)");
  const orgs = await getDb().org.findMany({ where: { deletedAt: null }, orderBy: { slug: "asc" }, include: { _count: { select: { memberships: true } } } });
  if (!orgs.length) console.log("No organisations yet.");
  for (const o of orgs)
    console.log(`${o.slug.padEnd(32)} ${o.tier.padEnd(10)} ${o.status.padEnd(8)} ${String(o._count.memberships).padStart(6)} members  ${o.natsError ?? ""}`);
  return 0;
}

/** A `\r` counter on a terminal; otherwise a plain line every tenth of the way, for logs. */
function progressPrinter(): (done: number, total: number) => void {
  if (process.stdout.isTTY) return (done, total) => process.stdout.write(`\r${done}/${total} accounts pushed${done === total ? "\n" : ""}`);
  return (done, total) => {
    if (done === total || done % Math.ceil(total / 10) === 0) console.log(`${done}/${total} accounts pushed`);
  };
}

async function accounts(args: string[]): Promise<number> {
  if (args[0] !== "rebuild-all" && args[0] !== "verify-all") throw new UsageError("usage: cordon accounts rebuild-all | verify-all");
  const nats = await openNatsRuntime();
  try {
    if (args[0] === "rebuild-all") {
      const report = await reconcileAccounts(getDb(), nats, { concurrency: 16, onProgress: progressPrinter() });
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
const commands: Record<string, (args: string[]) => Promise<number>> = { doctor, "nats-config": natsConfig, org, accounts, audit: auditCommand };

try {
  if (!command || command === "help" || command === "--help") {
    console.log(HELP);
    process.exitCode = command ? 0 : 2;
  } else if (!commands[command]) {
    console.error(`Unknown command "${command}".\n\n${HELP}`);
    process.exitCode = 2;
  } else {
    process.exitCode = await commands[command](rest);
  }
} catch (error) {
  // A refused request (unknown org, invalid plan) is a message, not a stack trace.
  console.error(error instanceof UsageError || error instanceof DomainError ? `cordon: ${error.message}` : error);
  process.exitCode = error instanceof UsageError ? 2 : 1;
} finally {
  await disconnectDb();
}
