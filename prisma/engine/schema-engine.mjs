#!/usr/bin/env node
// A drop-in for Prisma's native `schema-engine` binary, which the Prisma CLI
// would otherwise download (impossible offline). It runs Prisma's own
// WebAssembly schema engine over adapter-pg and speaks the same
// newline-delimited JSON-RPC on stdin/stdout. prisma.config.ts points
// PRISMA_SCHEMA_ENGINE_BINARY here. See README.md beside this file.
import { readFileSync } from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { randomUUID } from "node:crypto";
import readline from "node:readline";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum } from "@prisma/driver-adapter-utils";
import * as bg from "@prisma/schema-engine-wasm/schema_engine_bg";

const require = createRequire(import.meta.url);
const PG_CHAR_OID = 18; // PostgreSQL's internal one-byte "char" type
const PG_TEXT_OID = 25;

function log(level, message, extra = {}) {
  const line = { timestamp: new Date().toISOString(), level, fields: { message, ...extra }, target: "schema_engine::logger" };
  process.stderr.write(JSON.stringify(line) + "\n");
}

function parseArgs(argv) {
  const args = { datamodels: [], datasource: null, cli: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--version" || arg === "-V") args.version = true;
    else if (arg === "--datamodels") args.datamodels.push(argv[++i]);
    else if (arg === "--datasource") args.datasource = JSON.parse(argv[++i]);
    else if (arg === "cli") args.cli = argv[++i];
    else if (arg.startsWith("--")) i++; // flags we do not need take one value
  }
  return args;
}

/** Discrete options, so that `{ ...config, database }` names another database on the same server. */
function pgConfigFromUrl(url) {
  const u = new URL(url);
  return {
    host: decodeURIComponent(u.hostname) || "localhost",
    port: Number(u.port || 5432),
    database: decodeURIComponent(u.pathname.slice(1)) || "postgres",
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
  };
}

function quoteIdent(name) {
  return `"${name.replaceAll('"', '""')}"`;
}

async function withAdminClient(config, fn) {
  const client = new pg.Client({ ...config, database: "postgres" });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function runCliCommand(command, datasource) {
  const config = pgConfigFromUrl(datasource.url);
  log("INFO", `schema engine cli ${command}`);
  try {
    if (command === "can-connect-to-database") {
      const client = new pg.Client(config);
      await client.connect();
      await client.end();
    } else if (command === "create-database") {
      await withAdminClient(config, (c) => c.query(`CREATE DATABASE ${quoteIdent(config.database)}`));
    } else if (command === "drop-database") {
      await withAdminClient(config, (c) => c.query(`DROP DATABASE IF EXISTS ${quoteIdent(config.database)} WITH (FORCE)`));
    } else {
      throw new Error(`unsupported cli command ${command}`);
    }
    return 0;
  } catch (error) {
    const missing = error.code === "3D000";
    log("ERROR", missing ? `Database \`${config.database}\` does not exist` : error.message, {
      error_code: missing ? "P1003" : "P1001",
    });
    return 1;
  }
}

// adapter-pg rejects the "char" type that catalog queries return; report it
// as a Character column, which the engine understands.
function patchCharColumns(adapter) {
  const proto = Object.getPrototypeOf(Object.getPrototypeOf(adapter));
  if (proto.__cordonCharPatch) return;
  proto.__cordonCharPatch = true;
  const charColumnsByRows = new WeakMap();
  const performIO = proto.performIO;
  proto.performIO = async function (query) {
    const result = await performIO.call(this, query);
    const charColumns = [];
    result.fields.forEach((field, index) => {
      if (field.dataTypeID === PG_CHAR_OID) {
        field.dataTypeID = PG_TEXT_OID;
        charColumns.push(index);
      }
    });
    if (charColumns.length) charColumnsByRows.set(result.rows, charColumns);
    return result;
  };
  const queryRaw = proto.queryRaw;
  proto.queryRaw = async function (query) {
    const result = await queryRaw.call(this, query);
    for (const index of charColumnsByRows.get(result.rows) ?? []) result.columnTypes[index] = ColumnTypeEnum.Character;
    return result;
  };
}

// adapter-pg splits a migration on every ";", which cuts function bodies
// ($$ … $$) apart; PostgreSQL runs a multi-statement script itself, atomically.
function patchExecuteScript(adapter) {
  adapter.executeScript = async function (script) {
    try {
      await this.client.query(script);
    } catch (error) {
      this.onError(error);
    }
  };
}

// adapter-pg's own shadow database is dropped while its pool is connected;
// ours closes the pool first and drops with FORCE.
function createAdapterFactory(datasource) {
  const config = pgConfigFromUrl(datasource.url);
  const factory = new PrismaPg(config);
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    patchCharColumns(adapter);
    patchExecuteScript(adapter);
    return adapter;
  };
  factory.connectToShadowDb = async () => {
    if (datasource.shadowDatabaseUrl) {
      const adapter = await new PrismaPg(pgConfigFromUrl(datasource.shadowDatabaseUrl)).connect();
      patchExecuteScript(adapter);
      return adapter;
    }
    const database = `prisma_shadow_${randomUUID().replaceAll("-", "")}`;
    await withAdminClient(config, (c) => c.query(`CREATE DATABASE ${quoteIdent(database)}`));
    const shadowFactory = new PrismaPg({ ...config, database });
    const adapter = await shadowFactory.connect();
    patchCharColumns(adapter);
    patchExecuteScript(adapter);
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      await withAdminClient(config, (c) => c.query(`DROP DATABASE IF EXISTS ${quoteIdent(database)} WITH (FORCE)`));
    };
    return adapter;
  };
  return bindMigrationAwareSqlAdapterFactory(factory);
}

function loadWasm() {
  globalThis.PRISMA_WASM_PANIC_REGISTRY = {
    message: "",
    set_message(message) {
      this.message = message;
    },
  };
  // The CLI's own copy of the engine: the exact build this prisma version pins.
  const wasmPath = path.join(path.dirname(require.resolve("prisma/package.json")), "build", "schema_engine_bg.wasm");
  const wasmModule = new WebAssembly.Module(readFileSync(wasmPath));
  const instance = new WebAssembly.Instance(wasmModule, { "./schema_engine_bg.js": bg });
  bg.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
}

function errorReply(id, error) {
  const panicMessage = globalThis.PRISMA_WASM_PANIC_REGISTRY.message;
  const isPanic = error instanceof WebAssembly.RuntimeError || Boolean(panicMessage);
  let data = { is_panic: isPanic, message: panicMessage || error?.message || String(error), error_code: null, meta: null };
  if (!isPanic) {
    try {
      const parsed = JSON.parse(error.message);
      if (parsed && typeof parsed === "object") data = { ...data, ...parsed };
    } catch {
      // a plain message
    }
  }
  globalThis.PRISMA_WASM_PANIC_REGISTRY.message = "";
  return { jsonrpc: "2.0", id, error: { code: 4466, message: "An error happened. Check the data field for details.", data } };
}

async function serve(args) {
  const datamodels = args.datamodels.map((file) => [file, readFileSync(file, "utf8")]);
  const adapterFactory = args.datasource ? createAdapterFactory(args.datasource) : undefined;
  const engine = await bg.SchemaEngine.new(
    { datamodels: datamodels.length ? datamodels : undefined },
    (line) => process.stderr.write((typeof line === "string" ? line : JSON.stringify(line)) + "\n"),
    adapterFactory,
  );

  const send = (message) => process.stdout.write(JSON.stringify(message) + "\n");
  const pendingPrints = new Map();
  let nextPrintId = 1_000_000;
  const print = (content) =>
    new Promise((resolve) => {
      const id = nextPrintId++;
      pendingPrints.set(id, resolve);
      send({ jsonrpc: "2.0", id, method: "print", params: { content } });
    });

  const queue = [];
  let draining = false;
  const drain = async () => {
    if (draining) return;
    draining = true;
    while (queue.length) {
      const request = queue.shift();
      const method = request.method === "getDatabaseVersion" ? "version" : request.method;
      try {
        if (typeof engine[method] !== "function") throw new Error(`Unknown method ${request.method}`);
        let result = await engine[method](request.params ?? {});
        if (method === "diff" && result?.stdout) {
          await print(result.stdout);
          result = { ...result, stdout: null };
        }
        send({ jsonrpc: "2.0", id: request.id, result: result === undefined ? null : result });
      } catch (error) {
        send(errorReply(request.id, error));
      }
    }
    draining = false;
  };

  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  lines.on("line", (line) => {
    if (!line.trim()) return;
    const message = JSON.parse(line);
    if (message.method === undefined && pendingPrints.has(message.id)) {
      pendingPrints.get(message.id)();
      pendingPrints.delete(message.id);
      return;
    }
    queue.push(message);
    void drain();
  });
  await new Promise((resolve) => lines.on("close", resolve));
  while (draining || queue.length) await new Promise((resolve) => setTimeout(resolve, 10));
}

const args = parseArgs(process.argv.slice(2));
loadWasm();
if (args.version) {
  process.stdout.write(`schema-engine-cli ${bg.version()}\n`);
  process.exit(0);
}
if (args.cli) process.exit(await runCliCommand(args.cli, args.datasource));
await serve(args);
process.exit(0);
