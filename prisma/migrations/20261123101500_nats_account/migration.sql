-- AlterTable
ALTER TABLE "Org" ADD COLUMN     "natsAccount" TEXT,
ADD COLUMN     "natsClaimsHash" TEXT,
ADD COLUMN     "natsError" TEXT,
ADD COLUMN     "natsKeyGeneration" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "natsPushedAt" TIMESTAMP(3);

-- CreateIndex
CREATE UNIQUE INDEX "Org_natsAccount_key" ON "Org"("natsAccount");

