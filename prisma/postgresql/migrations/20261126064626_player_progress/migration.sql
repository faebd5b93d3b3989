-- AlterTable
ALTER TABLE "User" ADD COLUMN     "resumeToken" TEXT;

-- AlterTable
ALTER TABLE "StepProgress" ALTER COLUMN "status" SET DEFAULT 'locked';

-- AlterTable
ALTER TABLE "CheckRun" ADD COLUMN     "runId" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "trigger" TEXT NOT NULL DEFAULT 'learner';

-- CreateIndex
CREATE UNIQUE INDEX "User_resumeToken_key" ON "User"("resumeToken");

-- Rename the step status "pending" (never written by the app) to "locked", the player's word for it.
UPDATE "StepProgress" SET "status" = 'locked' WHERE "status" = 'pending';
