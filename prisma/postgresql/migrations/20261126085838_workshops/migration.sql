-- AlterTable
ALTER TABLE "Workshop" ADD COLUMN     "capacity" INTEGER NOT NULL DEFAULT 30,
ADD COLUMN     "endedAt" TIMESTAMP(3),
ADD COLUMN     "endsAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "labIds" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "passwordHash" TEXT,
ADD COLUMN     "startsAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "timeLimitMinutes" INTEGER NOT NULL DEFAULT 90,
ADD COLUMN     "warmSharePercent" INTEGER NOT NULL DEFAULT 50,
ADD COLUMN     "warmedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "WorkshopLearner" (
    "workshopId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "joinedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WorkshopLearner_pkey" PRIMARY KEY ("workshopId","userId")
);

-- CreateTable
CREATE TABLE "WorkshopMessage" (
    "id" TEXT NOT NULL,
    "workshopId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WorkshopMessage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "WorkshopLearner_userId_idx" ON "WorkshopLearner"("userId");

-- CreateIndex
CREATE INDEX "WorkshopMessage_workshopId_createdAt_idx" ON "WorkshopMessage"("workshopId", "createdAt");

-- AddForeignKey
ALTER TABLE "WorkshopLearner" ADD CONSTRAINT "WorkshopLearner_workshopId_fkey" FOREIGN KEY ("workshopId") REFERENCES "Workshop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkshopLearner" ADD CONSTRAINT "WorkshopLearner_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkshopMessage" ADD CONSTRAINT "WorkshopMessage_workshopId_fkey" FOREIGN KEY ("workshopId") REFERENCES "Workshop"("id") ON DELETE CASCADE ON UPDATE CASCADE;
