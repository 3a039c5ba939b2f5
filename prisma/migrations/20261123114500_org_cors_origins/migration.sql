-- AlterTable
ALTER TABLE "Org" ADD COLUMN     "corsOrigins" TEXT[] DEFAULT ARRAY[]::TEXT[];

