/**
 * Whether a workshop's room fits on the runner now: its capacity in seats, each running its largest lab,
 * beside everyone else's live sessions (plan.ts does the arithmetic). A runner that cannot answer is
 * reported as unknown rather than as "fits". A new workshop's form asks how many seats fit at all.
 */
import { specMemoryBytes } from "../../../runner/environment/spec";
import type { LabSessionDeps } from "../lab-sessions";
import { checkRoom, type RoomCheck } from "./plan";
import type { WorkshopRecord } from "./store";

export type RoomReport = RoomCheck | { fits: null; message: string };

export async function roomReport(deps: LabSessionDeps, w: WorkshopRecord): Promise<RoomReport> {
  try {
    let seatMemory = 0;
    for (const labId of w.labIds) seatMemory = Math.max(seatMemory, specMemoryBytes(await deps.loadSpec(labId)));
    const [cap, own] = await Promise.all([deps.runner.capacity(), deps.prisma.labSession.count({ where: { workshopId: w.id, state: { in: ["provisioning", "ready"] } } })]);
    return checkRoom(cap, w.capacity, seatMemory, { sessions: own, memoryBytes: own * seatMemory });
  } catch (err) {
    return { fits: null, message: `This server's capacity is unknown: ${err instanceof Error ? err.message : String(err)}` };
  }
}

/**
 * How many learners a new workshop could seat now, before its labs are picked: the server's limits beside
 * everyone else's live sessions, each seat running the lightest of `labIds` (a heavier pick is warned
 * about on the dashboard). Null when the runner cannot say.
 */
export async function roomForNewWorkshop(deps: LabSessionDeps, labIds: readonly string[]): Promise<number | null> {
  try {
    const memories = await Promise.all(labIds.map((id) => deps.loadSpec(id).then(specMemoryBytes, () => null)));
    const known = memories.filter((m): m is number => m !== null);
    return checkRoom(await deps.runner.capacity(), 0, known.length > 0 ? Math.min(...known) : 0, { sessions: 0, memoryBytes: 0 }).room;
  } catch {
    return null;
  }
}
