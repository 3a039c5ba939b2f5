import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { loadConfig } from "@/lib/config/config";

export type Db = PrismaClient;

export function createDb(databaseUrl: string): Db {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
}

const holder = globalThis as typeof globalThis & { __cordonDb?: Db };

/** The process-wide client, created on first use (not at import, so builds need no database). */
export function getDb(): Db {
  holder.__cordonDb ??= createDb(loadConfig().databaseUrl);
  return holder.__cordonDb;
}

/** Closes the process-wide client if one was opened (CLI commands end with this). */
export async function disconnectDb(): Promise<void> {
  await holder.__cordonDb?.$disconnect();
}
