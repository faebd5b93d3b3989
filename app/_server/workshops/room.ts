/**
 * Whether a workshop's room fits on the runner now: its capacity in seats, each running its largest lab,
 * beside everyone else's live sessions (plan.ts does the arithmetic). A runner that cannot answer is
 * reported as unknown rather than as "fits".
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
    return { fits: null, message: `the runner's capacity is unknown: ${err instanceof Error ? err.message : String(err)}` };
  }
}
