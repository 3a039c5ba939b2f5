import type { Prisma } from "@/generated/prisma/client";

/** What a use case receives inside `db.$transaction(async (tx) => …)`. */
export type Tx = Prisma.TransactionClient;
