/**
 * One CRUD round trip over every model, shared by the SQLite test (db.test.ts) and the PostgreSQL
 * integration test, so both providers are held to the same behaviour: defaults, relations,
 * unique constraints, cascade and set-null deletes.
 */
import assert from 'node:assert/strict';
import type { PrismaClient } from '../client';
import { capCheckOutput, CHECK_OUTPUT_MAX_CHARS } from '../model';

export async function assertCrudRoundTrip(prisma: PrismaClient): Promise<void> {
  // User: anonymous by default.
  const learner = await prisma.user.create({ data: {} });
  assert.equal(learner.role, 'learner');
  assert.equal(learner.email, null);
  assert.ok(learner.id.length > 0);
  const instructor = await prisma.user.create({
    data: { displayName: 'Ada', email: `ada-${learner.id}@example.test`, passwordHash: 'x', role: 'instructor' },
  });
  await assert.rejects(
    prisma.user.create({ data: { email: instructor.email } }),
    (err: { code?: string }) => err.code === 'P2002',
    'duplicate email must violate the unique constraint',
  );

  // Workshop: unique join code, owned by the instructor.
  const joinCode = `JOIN-${learner.id.slice(-6)}`;
  const workshop = await prisma.workshop.create({ data: { title: 'K8s 101', joinCode, createdById: instructor.id } });
  await assert.rejects(
    prisma.workshop.create({ data: { title: 'again', joinCode } }),
    (err: { code?: string }) => err.code === 'P2002',
  );
  assert.equal((await prisma.workshop.findUnique({ where: { joinCode } }))?.id, workshop.id);

  // LabSession with defaults, in the workshop.
  const expiresAt = new Date(Date.now() + 3_600_000);
  const session = await prisma.labSession.create({
    data: { userId: learner.id, labId: 'docker-basics', expiresAt, workshopId: workshop.id },
  });
  assert.equal(session.state, 'provisioning');
  assert.equal(session.endedAt, null);
  assert.equal(session.expiresAt.getTime(), expiresAt.getTime());
  const ready = await prisma.labSession.update({ where: { id: session.id }, data: { state: 'ready', runnerId: 'runner-1' } });
  assert.equal(ready.state, 'ready');

  // StepProgress keyed by (session, step).
  await prisma.stepProgress.create({ data: { sessionId: session.id, stepId: 'intro', status: 'active', startedAt: new Date() } });
  const passed = await prisma.stepProgress.update({
    where: { sessionId_stepId: { sessionId: session.id, stepId: 'intro' } },
    data: { status: 'passed', attempts: { increment: 2 }, hintsUsed: 1, solutionRevealed: true, passedAt: new Date() },
  });
  assert.deepEqual([passed.status, passed.attempts, passed.hintsUsed, passed.solutionRevealed], ['passed', 2, 1, true]);
  await assert.rejects(
    prisma.stepProgress.create({ data: { sessionId: session.id, stepId: 'intro' } }),
    (err: { code?: string }) => err.code === 'P2002',
  );

  // CheckRun with capped output.
  const longOutput = 'y'.repeat(CHECK_OUTPUT_MAX_CHARS * 2);
  const run = await prisma.checkRun.create({
    data: {
      sessionId: session.id,
      stepId: 'intro',
      checkName: 'container-running',
      passed: false,
      message: 'no container named web',
      output: capCheckOutput(longOutput),
      durationMs: 42,
    },
  });
  const stored = await prisma.checkRun.findUniqueOrThrow({ where: { id: run.id } });
  assert.equal(stored.output.length, CHECK_OUTPUT_MAX_CHARS);
  assert.equal(stored.passed, false);
  assert.equal(stored.durationMs, 42);

  // Reading back through relations.
  const full = await prisma.labSession.findUniqueOrThrow({
    where: { id: session.id },
    include: { user: true, workshop: true, steps: true, checkRuns: true },
  });
  assert.equal(full.user.id, learner.id);
  assert.equal(full.workshop?.joinCode, joinCode);
  assert.equal(full.steps.length, 1);
  assert.equal(full.checkRuns.length, 1);

  // Deleting a workshop keeps its sessions, detached.
  await prisma.workshop.delete({ where: { id: workshop.id } });
  assert.equal((await prisma.labSession.findUniqueOrThrow({ where: { id: session.id } })).workshopId, null);

  // Deleting a learner removes their sessions, progress and check runs.
  await prisma.user.delete({ where: { id: learner.id } });
  assert.equal(await prisma.labSession.count({ where: { id: session.id } }), 0);
  assert.equal(await prisma.stepProgress.count({ where: { sessionId: session.id } }), 0);
  assert.equal(await prisma.checkRun.count({ where: { sessionId: session.id } }), 0);

  await prisma.user.delete({ where: { id: instructor.id } });
}
