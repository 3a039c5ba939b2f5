// Password sign-in cost on this machine: the whole use case (rate-limit
// counters, user lookup, Argon2id verification, login ticket) against a real
// PostgreSQL. Argon2 dominates. Run: `npx tsx bench/login.ts`.
import os from "node:os";
import { loginWithPassword } from "@/lib/auth/login-with-password";
import { ARGON2_PARAMS } from "@/lib/auth/password-hash";
import { signUp } from "@/lib/auth/sign-up";
import { percentile, startBenchDatabase } from "./support/bench-database";

// Enough users that no account reaches the per-account limit (10 per 10 minutes).
const USERS = 60;
const SEQUENTIAL_LOGINS = 60;
const CONCURRENT_LOGINS = 80;
const password = "correct horse battery staple 42";
let ipCounter = 0;
const context = () => ({
  ip: `10.${(ipCounter >> 16) & 255}.${(ipCounter >> 8) & 255}.${ipCounter++ & 255}`,
  userAgent: "bench",
  requestId: "bench",
  origin: "http://bench",
});

const { db, stop } = await startBenchDatabase();
try {
  const emails = Array.from({ length: USERS }, (_, i) => `bench-${i}@example.com`);
  for (const email of emails) await signUp(db, { email, name: "Bench User", password }, context());

  const times: number[] = [];
  for (let i = 0; i < SEQUENTIAL_LOGINS; i++) {
    const started = performance.now();
    const result = await loginWithPassword(db, { email: emails[i % USERS], password }, context());
    times.push(performance.now() - started);
    if (result.status !== "signed_in") throw new Error(`login ${i} gave ${result.status}`);
  }
  times.sort((a, b) => a - b);

  const throughput: string[] = [];
  for (const concurrency of [1, 2, 4]) {
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < CONCURRENT_LOGINS) {
          const i = next++;
          const result = await loginWithPassword(db, { email: emails[i % USERS], password }, context());
          if (result.status !== "signed_in") throw new Error(`login ${i} gave ${result.status}`);
        }
      }),
    );
    throughput.push(`  concurrency ${concurrency}: ${((CONCURRENT_LOGINS / (performance.now() - started)) * 1000).toFixed(1)} logins/s`);
  }

  console.log(
    `Password login on ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, Argon2id m=${ARGON2_PARAMS.memoryCost / 1024} MiB t=${ARGON2_PARAMS.timeCost} p=${ARGON2_PARAMS.parallelism}`,
  );
  console.log(
    `  sequential (${SEQUENTIAL_LOGINS}): p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms, max ${times.at(-1)!.toFixed(1)} ms`,
  );
  console.log(throughput.join("\n"));
} finally {
  await stop();
}
