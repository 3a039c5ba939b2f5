import { z } from "zod";

/** Ports and names of the local stack `npm start` runs when no external service is given. */
export const LOCAL_STACK_DEFAULTS = {
  pgPort: 54320,
  pgUser: "cordon",
  pgDatabase: "cordon",
  natsPort: 4222,
  natsMonitorPort: 8222,
  appPort: 3000,
} as const;

const port = z.coerce.number().int().min(1).max(65535);

const schema = z.object({
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  NATS_URL: z
    .string()
    .regex(/^(nats|tls):\/\/[^\s]+$/, "must look like nats://host:port")
    .optional(),
  OPERATOR_SEED: z.string().regex(/^SO[A-Z2-7]{56}$/, "must be an operator NKey seed (SO…, 58 characters)"),
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters"),
  CORDON_PG_PASSWORD: z.string().optional(),
  CORDON_PG_PORT: port.default(LOCAL_STACK_DEFAULTS.pgPort),
  CORDON_NATS_PORT: port.default(LOCAL_STACK_DEFAULTS.natsPort),
  NATS_POOL_SIZE: z.coerce.number().int().min(1).optional(),
  GATEWAY_ALLOW_PRIVATE_UPSTREAMS: z.enum(["true", "false"], "must be true or false").default("false"),
});

export type CordonConfig = {
  databaseUrl: string;
  natsUrl: string;
  operatorSeed: string;
  authSecret: string;
  /** Most org-account connections kept open; unset means the pool's default. */
  natsPoolSize?: number;
  /** Upstream services may live on private or loopback addresses (local development only). */
  allowPrivateUpstreams: boolean;
};

export class ConfigError extends Error {}

/** Environment variables as configuration reads them (process.env or a plain object). */
export type Env = Record<string, string | undefined>;

/**
 * The one reading of configuration. DATABASE_URL and NATS_URL default to the
 * local stack that `npm start` runs, so the app, the CLI and `next start`
 * agree on where things are.
 */
export function loadConfig(env: Env = process.env): CordonConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`);
    throw new ConfigError(`Invalid configuration: ${problems.join("; ")}. Run \`npm start\` once to generate .env.local.`);
  }
  const e = parsed.data;
  return {
    databaseUrl: e.DATABASE_URL ?? localDatabaseUrl(e.CORDON_PG_PORT, e.CORDON_PG_PASSWORD ?? ""),
    natsUrl: e.NATS_URL ?? `nats://127.0.0.1:${e.CORDON_NATS_PORT}`,
    operatorSeed: e.OPERATOR_SEED,
    authSecret: e.AUTH_SECRET,
    natsPoolSize: e.NATS_POOL_SIZE,
    allowPrivateUpstreams: e.GATEWAY_ALLOW_PRIVATE_UPSTREAMS === "true",
  };
}

export function localDatabaseUrl(port: number, password: string, database: string = LOCAL_STACK_DEFAULTS.pgDatabase): string {
  const user = LOCAL_STACK_DEFAULTS.pgUser;
  return `postgresql://${user}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}
