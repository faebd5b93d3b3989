-- AlterTable
ALTER TABLE "User" ADD COLUMN "resumeToken" TEXT;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_StepProgress" (
    "sessionId" TEXT NOT NULL,
    "stepId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'locked',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "hintsUsed" INTEGER NOT NULL DEFAULT 0,
    "solutionRevealed" BOOLEAN NOT NULL DEFAULT false,
    "startedAt" DATETIME,
    "passedAt" DATETIME,

    PRIMARY KEY ("sessionId", "stepId"),
    CONSTRAINT "StepProgress_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "LabSession" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_StepProgress" ("attempts", "hintsUsed", "passedAt", "sessionId", "solutionRevealed", "startedAt", "status", "stepId") SELECT "attempts", "hintsUsed", "passedAt", "sessionId", "solutionRevealed", "startedAt", "status", "stepId" FROM "StepProgress";
DROP TABLE "StepProgress";
ALTER TABLE "new_StepProgress" RENAME TO "StepProgress";
CREATE TABLE "new_CheckRun" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sessionId" TEXT NOT NULL,
    "stepId" TEXT NOT NULL,
    "runId" TEXT NOT NULL DEFAULT '',
    "trigger" TEXT NOT NULL DEFAULT 'learner',
    "checkName" TEXT NOT NULL,
    "passed" BOOLEAN NOT NULL,
    "message" TEXT,
    "output" TEXT NOT NULL DEFAULT '',
    "durationMs" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CheckRun_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "LabSession" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_CheckRun" ("checkName", "createdAt", "durationMs", "id", "message", "output", "passed", "sessionId", "stepId") SELECT "checkName", "createdAt", "durationMs", "id", "message", "output", "passed", "sessionId", "stepId" FROM "CheckRun";
DROP TABLE "CheckRun";
ALTER TABLE "new_CheckRun" RENAME TO "CheckRun";
CREATE INDEX "CheckRun_sessionId_stepId_createdAt_idx" ON "CheckRun"("sessionId", "stepId", "createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "User_resumeToken_key" ON "User"("resumeToken");

-- Rename the step status "pending" (never written by the app) to "locked", the player's word for it.
UPDATE "StepProgress" SET "status" = 'locked' WHERE "status" = 'pending';
