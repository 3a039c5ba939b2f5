// One "app instance" for the shared rate-limit test: its own process and
// database pool, calling the members route COUNT times with one access token.
import { disconnectDb } from "@/lib/db/client";
import { callApi } from "./api";

const count = Number(process.env.COUNT ?? 0);
const statuses = await Promise.all(
  Array.from({ length: count }, () =>
    callApi("GET", "/orgs/{slug}/members", { slug: process.env.SLUG ?? "" }, { headers: { authorization: `Bearer ${process.env.TOKEN}` } }).then(
      (r) => r.status,
    ),
  ),
);
const tally: Record<number, number> = {};
for (const status of statuses) tally[status] = (tally[status] ?? 0) + 1;
console.log(JSON.stringify(tally));
await disconnectDb();
