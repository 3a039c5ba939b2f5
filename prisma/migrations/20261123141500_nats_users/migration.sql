-- CreateEnum
CREATE TYPE "NatsUserKind" AS ENUM ('app', 'service', 'device', 'leaf');

-- CreateTable
CREATE TABLE "NatsUser" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "NatsUserKind" NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "permissions" JSONB NOT NULL,
    "expiresAt" TIMESTAMP(3),
    "maxPayload" INTEGER,
    "maxSubscriptions" INTEGER,
    "publicKey" TEXT NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "createdById" UUID,
    "lastIssuedAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "NatsUser_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NatsRevocation" (
    "publicKey" TEXT NOT NULL,
    "orgId" UUID NOT NULL,
    "revokedAt" TIMESTAMP(3) NOT NULL,
    "until" TIMESTAMP(3),

    CONSTRAINT "NatsRevocation_pkey" PRIMARY KEY ("publicKey")
);

-- CreateTable
CREATE TABLE "Device" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "natsUserId" UUID NOT NULL,
    "licenseKeyHash" TEXT NOT NULL,
    "licensePrefix" TEXT NOT NULL,
    "lastSeenAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "Device_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "NatsUser_publicKey_key" ON "NatsUser"("publicKey");

-- CreateIndex
CREATE UNIQUE INDEX "NatsUser_orgId_name_key" ON "NatsUser"("orgId", "name");

-- CreateIndex
CREATE INDEX "NatsRevocation_orgId_idx" ON "NatsRevocation"("orgId");

-- CreateIndex
CREATE UNIQUE INDEX "Device_natsUserId_key" ON "Device"("natsUserId");

-- CreateIndex
CREATE UNIQUE INDEX "Device_licenseKeyHash_key" ON "Device"("licenseKeyHash");

-- CreateIndex
CREATE UNIQUE INDEX "Device_licensePrefix_key" ON "Device"("licensePrefix");

-- CreateIndex
CREATE INDEX "Device_orgId_createdAt_idx" ON "Device"("orgId", "createdAt" DESC);

-- AddForeignKey
ALTER TABLE "NatsUser" ADD CONSTRAINT "NatsUser_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Org"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NatsUser" ADD CONSTRAINT "NatsUser_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NatsRevocation" ADD CONSTRAINT "NatsRevocation_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Org"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Device" ADD CONSTRAINT "Device_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Org"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Device" ADD CONSTRAINT "Device_natsUserId_fkey" FOREIGN KEY ("natsUserId") REFERENCES "NatsUser"("id") ON DELETE CASCADE ON UPDATE CASCADE;
