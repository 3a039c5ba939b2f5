// `cordon audit …`: thin commands over lib/audit (dispatched from bin/cordon.ts).
import { parseArgs, type ParseArgsConfig } from "node:util";
import { listAuditQuery, queryAuditEvents, type AuditScope } from "@/lib/audit/list-audit-events";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { getDb } from "@/lib/db/client";
import { NotFoundError, ValidationError } from "@/lib/errors/domain-errors";

export const AUDIT_HELP = `  audit [--org SLUG] [--action A] [--since 24h] [--format table|json] [--limit N]
                         Audit events, newest first (all orgs and the global chain without --org; --action takes
                         an action or a group such as member.*; json prints one event per line; at most 200)
  audit verify [--org SLUG | --global]
                         Recompute every hash chain (or one); exit 1 and name the first broken link if one is`;

/** parseArgs, with a mistyped option reported as a message rather than a stack trace. */
function options<T extends ParseArgsConfig["options"]>(args: string[], spec: T) {
  try {
    return parseArgs({ args, options: spec }).values;
  } catch (error) {
    throw new ValidationError(`${(error as Error).message} (see cordon help)`);
  }
}

const UNITS: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `30m`, `24h`, `7d` → the time that long ago. */
function since(value: string, now = Date.now()): string {
  const match = /^(\d{1,6})([smhd])$/.exec(value);
  if (!match) throw new ValidationError(`--since takes an amount and a unit (s, m, h, d), such as 24h; got "${value}".`);
  return new Date(now - Number(match[1]) * UNITS[match[2]]).toISOString();
}

/** Deleted orgs too: their trail outlives them. */
async function orgBySlug(slug: string) {
  const org = await getDb().org.findFirst({ where: { slug }, orderBy: { createdAt: "desc" }, select: { id: true, slug: true } });
  if (!org) throw new NotFoundError(`Organisation "${slug}"`);
  return org;
}

async function verify(args: string[]): Promise<number> {
  const values = options(args, { org: { type: "string" }, global: { type: "boolean" } });
  const orgId = values.global ? null : values.org ? (await orgBySlug(values.org)).id : undefined;
  const reports = await verifyAuditChain(getDb(), { orgId });
  for (const report of reports) {
    const name = (report.slug ?? "(global)").padEnd(32);
    if (!report.firstBreak) {
      console.log(`ok      ${name} ${report.events} events`);
      continue;
    }
    const { seq, eventId, kind, expected, stored } = report.firstBreak;
    console.log(`BROKEN  ${name} at seq ${seq} (event ${eventId}): ${kind === "seq" ? "sequence" : kind === "prev_hash" ? "previous hash" : "hash"} differs`);
    console.log(`        expected ${expected}\n        stored   ${stored}`);
  }
  const broken = reports.filter((report) => report.firstBreak).length;
  console.log(broken ? `\n${broken} of ${reports.length} chains are broken.` : `\nAll ${reports.length} chains are intact.`);
  return broken ? 1 : 0;
}

async function list(args: string[]): Promise<number> {
  const values = options(args, {
    org: { type: "string" },
    action: { type: "string" },
    since: { type: "string" },
    format: { type: "string" },
    limit: { type: "string" },
  });
  const format = values.format ?? "table";
  if (format !== "table" && format !== "json") throw new ValidationError(`--format is table or json; got "${format}".`);
  const parsed = listAuditQuery.safeParse({ action: values.action, from: values.since ? since(values.since) : undefined, limit: values.limit });
  if (!parsed.success) throw new ValidationError(parsed.error.issues.map((issue) => `--${String(issue.path[0])}: ${issue.message}`).join("; "));
  const scope: AuditScope = values.org ? { orgId: (await orgBySlug(values.org)).id } : {};
  const { events } = await queryAuditEvents(getDb(), scope, parsed.data);
  if (format === "json") {
    for (const event of events) console.log(JSON.stringify(event));
    return 0;
  }
  if (!events.length) {
    console.log("No events.");
    return 0;
  }
  const orgIds = [...new Set(events.map((event) => event.orgId).filter((id): id is string => id !== null))];
  const slugs = new Map((await getDb().org.findMany({ where: { id: { in: orgIds } }, select: { id: true, slug: true } })).map((org) => [org.id, org.slug]));
  for (const event of events) {
    const actor = event.actor.label ?? event.actor.id ?? event.actor.type;
    const target = event.target ? `${event.target.type}:${event.target.label ?? event.target.id ?? ""}` : "-";
    const org = event.orgId ? (slugs.get(event.orgId) ?? event.orgId) : "(global)";
    console.log(`${event.time}  ${org.padEnd(20)} ${event.action.padEnd(26)} ${event.outcome.padEnd(8)} ${actor}  →  ${target}`);
  }
  return 0;
}

/** `cordon audit [verify] …`; returns the exit code. */
export async function auditCommand(args: string[]): Promise<number> {
  return args[0] === "verify" ? verify(args.slice(1)) : list(args);
}
