import { connect, credsAuthenticator } from "@nats-io/transport-node";
import pg from "pg";
import { loadConfig, type CordonConfig, type Env } from "@/lib/config/config";
import { OperatorKeys } from "@/lib/nats/derive-keys";
import { buildSystemUserCreds } from "@/lib/nats/operator-jwts";
import { findNatsServer, NATS_SERVER_MISSING, natsServerVersion } from "@/lib/stack/nats-server";

export type DoctorCheck = { name: string; ok: boolean; detail: string };

const MIN_NODE_MAJOR = 20;
const MIN_NATS = [2, 9, 0];

function versionAtLeast(version: string, minimum: number[]): boolean {
  const parts = version.replace(/^v/, "").split(".").map(Number);
  for (let i = 0; i < minimum.length; i++) if ((parts[i] ?? 0) !== minimum[i]) return (parts[i] ?? 0) > minimum[i];
  return true;
}

async function checkDatabase(config: CordonConfig): Promise<DoctorCheck> {
  const client = new pg.Client({ connectionString: config.databaseUrl, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    const { rows } = await client.query<{ server_version: string }>("SHOW server_version");
    return { name: "database", ok: true, detail: `PostgreSQL ${rows[0].server_version} at ${new URL(config.databaseUrl).host}` };
  } catch (error) {
    return {
      name: "database",
      ok: false,
      detail: `${new URL(config.databaseUrl).host} unreachable (${(error as Error).message}): run \`npm start\` or fix DATABASE_URL`,
    };
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function checkNats(config: CordonConfig): Promise<DoctorCheck> {
  try {
    const keys = new OperatorKeys(config.operatorSeed);
    const creds = new TextEncoder().encode(await buildSystemUserCreds(keys));
    const nc = await connect({ servers: config.natsUrl, authenticator: credsAuthenticator(creds), timeout: 3_000, maxReconnectAttempts: 0 });
    const server = nc.info?.version ?? "unknown";
    await nc.close();
    return { name: "nats", ok: true, detail: `nats-server ${server} at ${config.natsUrl}, system account login ok` };
  } catch (error) {
    return {
      name: "nats",
      ok: false,
      detail: `${config.natsUrl}: ${(error as Error).message} — run \`npm start\`, or check NATS_URL and that the server trusts this OPERATOR_SEED`,
    };
  }
}

/** Checks the machine and the services Cordon needs; each check says what to fix. */
export async function runDoctor(env: Env = process.env): Promise<DoctorCheck[]> {
  const checks: DoctorCheck[] = [];
  const nodeMajor = Number(process.versions.node.split(".")[0]);
  checks.push({
    name: "node",
    ok: nodeMajor >= MIN_NODE_MAJOR,
    detail: nodeMajor >= MIN_NODE_MAJOR ? `v${process.versions.node}` : `v${process.versions.node} is too old: install Node ${MIN_NODE_MAJOR} or newer`,
  });

  const binary = findNatsServer(env);
  if (!binary)
    checks.push({ name: "nats-server", ok: !!env.NATS_URL, detail: env.NATS_URL ? `not installed (NATS_URL is set, so not needed)` : NATS_SERVER_MISSING });
  else {
    const version = natsServerVersion(binary);
    const ok = versionAtLeast(version, MIN_NATS);
    checks.push({ name: "nats-server", ok, detail: ok ? `${version} (${binary})` : `${version} is too old: Cordon needs ${MIN_NATS.join(".")} or newer` });
  }

  let config: CordonConfig;
  try {
    config = loadConfig(env);
  } catch (error) {
    checks.push({ name: "config", ok: false, detail: (error as Error).message });
    return checks;
  }
  checks.push({ name: "config", ok: true, detail: "secrets and URLs are set" });
  checks.push(await checkDatabase(config), await checkNats(config));
  return checks;
}
