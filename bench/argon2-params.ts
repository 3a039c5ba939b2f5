// Measures Argon2id hash time on this machine for OWASP-style parameter sets
// (https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html)
// and a few stronger ones, then names the strongest set that fits the 50–150 ms
// budget: median at least 50 ms and p95 at most 150 ms (headroom for a busy
// machine). Run: `npx tsx bench/argon2-params.ts`.
// Copy the result into the comment next to ARGON2_PARAMS in
// lib/auth/password-hash.ts. Close other CPU-heavy work first: on a busy
// machine the figures come out slower than they are.
import os from "node:os";
import { hash, type Algorithm } from "@node-rs/argon2";
import { ARGON2_PARAMS } from "@/lib/auth/password-hash";

const ARGON2ID: Algorithm.Argon2id = 2;
const RUNS = 10;
const BUDGET_MS = { min: 50, max: 150 };

type Candidate = { memoryCost: number; timeCost: number; parallelism: number; note: string };

const MiB = 1024;
const candidates: Candidate[] = [
  { memoryCost: 7 * MiB, timeCost: 5, parallelism: 1, note: "OWASP minimum" },
  { memoryCost: 9 * MiB, timeCost: 4, parallelism: 1, note: "OWASP minimum" },
  { memoryCost: 12 * MiB, timeCost: 3, parallelism: 1, note: "OWASP minimum" },
  { memoryCost: 19 * MiB, timeCost: 2, parallelism: 1, note: "OWASP minimum" },
  { memoryCost: 46 * MiB, timeCost: 1, parallelism: 1, note: "OWASP minimum" },
  { memoryCost: 32 * MiB, timeCost: 2, parallelism: 1, note: "" },
  { memoryCost: 19 * MiB, timeCost: 4, parallelism: 1, note: "" },
  { memoryCost: 46 * MiB, timeCost: 2, parallelism: 1, note: "" },
  { memoryCost: 64 * MiB, timeCost: 2, parallelism: 1, note: "" },
  { memoryCost: 128 * MiB, timeCost: 1, parallelism: 1, note: "" },
  { memoryCost: 64 * MiB, timeCost: 3, parallelism: 1, note: "" },
  { memoryCost: 96 * MiB, timeCost: 2, parallelism: 1, note: "" },
  { memoryCost: 64 * MiB, timeCost: 4, parallelism: 1, note: "" },
  { memoryCost: 128 * MiB, timeCost: 2, parallelism: 1, note: "" },
];

function percentile(sorted: number[], p: number): number {
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

// Attacker cost of Argon2 grows with memory × passes (OWASP and RFC 9106 treat
// equal products as equivalent). Ties go to the lower p95: more headroom for
// logins on a busy machine, and usually less memory per login in flight.
const strength = (c: Candidate) => c.memoryCost * c.timeCost * c.parallelism;
const label = (c: Pick<Candidate, "memoryCost" | "timeCost" | "parallelism">) => `m=${c.memoryCost / MiB} MiB, t=${c.timeCost}, p=${c.parallelism}`;

async function measure(candidate: Candidate): Promise<{ p50: number; p95: number }> {
  const options = { algorithm: ARGON2ID, memoryCost: candidate.memoryCost, timeCost: candidate.timeCost, parallelism: candidate.parallelism };
  await hash("warm-up password", options);
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    await hash(`correct horse battery staple ${run}`, options);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

console.log(`Argon2id hash time, ${RUNS} runs each, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? "unknown"}), load ${os.loadavg()[0].toFixed(2)}\n`);
console.log(`${"parameters".padEnd(28)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)}  note`);
const results: { candidate: Candidate; p50: number; p95: number }[] = [];
for (const candidate of candidates) {
  const { p50, p95 } = await measure(candidate);
  results.push({ candidate, p50, p95 });
  console.log(`${label(candidate).padEnd(28)} ${p50.toFixed(1).padStart(8)} ${p95.toFixed(1).padStart(8)}  ${candidate.note}`);
}

const fitting = results.filter((r) => r.p50 >= BUDGET_MS.min && r.p95 <= BUDGET_MS.max);
fitting.sort((a, b) => strength(b.candidate) - strength(a.candidate) || a.p95 - b.p95);
const chosen = fitting[0];
console.log();
if (!chosen) {
  console.log(`No candidate fits ${BUDGET_MS.min} ms ≤ p50, p95 ≤ ${BUDGET_MS.max} ms on this machine.`);
} else {
  console.log(`Chosen: ${label(chosen.candidate)} (p50 ${chosen.p50.toFixed(1)} ms, p95 ${chosen.p95.toFixed(1)} ms)`);
}
console.log(`Current ARGON2_PARAMS: ${label(ARGON2_PARAMS)}`);
