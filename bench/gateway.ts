// The gateway's cost: the same trivial handler served bare and behind the full
// pipeline (API key auth + rate limit + org validation + permission), over
// loopback HTTP at a fixed concurrency. Run: `npx tsx bench/gateway.ts`.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { disconnectDb } from "@/lib/db/client";
import { endpoint } from "@/lib/gateway/endpoint";
import { route } from "@/lib/gateway/route";
import { generateOperatorSeed } from "@/lib/nats/key-pair";
import { createOrg } from "@/lib/orgs/create-org";
import { loadOrgContext } from "@/lib/orgs/org-context";
import { percentile, startBenchDatabase } from "./support/bench-database";

const CONCURRENCY = 16;
const REQUESTS = 4_000;
const WARMUP = 500;

process.env.AUTH_SECRET ??= "bench-secret-bench-secret-bench-secret-000";
process.env.OPERATOR_SEED ??= generateOperatorSeed();
const { db, url, stop } = await startBenchDatabase();
process.env.DATABASE_URL = url; // the gateway uses the process-wide client

const handler = async () => ({ ok: true });
const guarded = route(endpoint({ method: "GET", path: "/orgs/{slug}/ping", tag: "Bench", summary: "ping", permission: "members:read" }), handler);

try {
  const admin = await db.user.create({ data: { email: "admin@bench.test", name: "Bench Admin", passwordHash: "unused" } });
  const org = await createOrg(db, { userId: admin.id, email: admin.email }, { name: "Bench Org" }, {});
  await db.org.update({ where: { id: org.id }, data: { tier: "enterprise" } }); // 10,000/min: the bench measures cost, not the limit
  const { key } = await createApiKey(db, await loadOrgContext(db, org.slug, admin.id), { name: "bench", scopes: ["members:read"] }, {});

  const server = createServer(async (req, res) => {
    const request = new Request(`http://127.0.0.1${req.url}`, { headers: req.headers as Record<string, string> });
    const response = req.url === "/bare" ? Response.json(await handler()) : await guarded(request, { params: Promise.resolve({ slug: org.slug }) });
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  async function load(path: string, count: number) {
    const latencies: number[] = [];
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next++ < count) {
          const sent = performance.now();
          const response = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${key}` } });
          await response.arrayBuffer();
          if (response.status !== 200) throw new Error(`${path}: ${response.status}`);
          latencies.push(performance.now() - sent);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    return { rps: count / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
  }

  await load("/bare", WARMUP);
  await load("/gw", WARMUP);
  const bare = await load("/bare", REQUESTS);
  const piped = await load("/gw", REQUESTS);
  const row = (label: string, r: { rps: number; p50: number; p99: number }) =>
    console.log(`${label.padEnd(10)} ${r.rps.toFixed(0).padStart(6)} req/s   p50 ${r.p50.toFixed(2).padStart(6)} ms   p99 ${r.p99.toFixed(2).padStart(6)} ms`);
  console.log(`${REQUESTS} requests each, concurrency ${CONCURRENCY}, loopback`);
  row("bare", bare);
  row("pipeline", piped);
  console.log(`pipeline throughput ${((piped.rps / bare.rps) * 100).toFixed(0)}% of bare; added p50 ${(piped.p50 - bare.p50).toFixed(2)} ms`);
  server.close();
} finally {
  await disconnectDb();
  await stop();
}
