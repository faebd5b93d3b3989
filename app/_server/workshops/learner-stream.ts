/**
 * What a learner in a workshop sees live in the player: the workshop's title and end, the instructor's
 * broadcast messages (those sent since the learner joined), and that it has ended. Built for the
 * learner's workshop event stream (change-stream.ts); null when the learner is in no workshop.
 */
import type { PrismaClient } from "../../../prisma/db";
import { phaseOf, type WorkshopPhase } from "./plan";
import { toRecord } from "./store";

export interface LearnerWorkshopView {
  title: string;
  phase: WorkshopPhase;
  endsAt: string;
  messages: Array<{ id: string; text: string; at: string }>;
}

/** The newest workshop the learner joined; null when none (or it was deleted). */
export async function learnerWorkshopView(prisma: PrismaClient, learnerId: string, now: Date): Promise<LearnerWorkshopView | null> {
  const joined = await prisma.workshopLearner.findFirst({ where: { userId: learnerId }, orderBy: { joinedAt: "desc" }, include: { workshop: true } });
  if (!joined) return null;
  const w = toRecord(joined.workshop);
  // A message sent a moment before the learner joined is still news to them.
  const since = new Date(joined.joinedAt.getTime() - 5 * 60_000);
  const messages = await prisma.workshopMessage.findMany({ where: { workshopId: w.id, createdAt: { gte: since } }, orderBy: { createdAt: "asc" }, take: 50 });
  return { title: w.title, phase: phaseOf(w, now), endsAt: (w.endedAt ?? w.endsAt).toISOString(), messages: messages.map((m) => ({ id: m.id, text: m.text, at: m.createdAt.toISOString() })) };
}
