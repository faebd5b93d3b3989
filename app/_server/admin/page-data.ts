/**
 * Loads everything /admin shows in one go: the running sessions and host capacity (from the runner,
 * joined with the database) and the accounts. A runner that cannot be reached is a message on the page,
 * not a crash, so an admin can still manage accounts while the runner is down.
 */
import { listAccounts } from "../auth/accounts";
import type { Instructor } from "../auth/index";
import { openLabDeps } from "../lab-request";
import { LabSessionError } from "../runner-client";
import { RunnerNotConfigured } from "../runner-config";
import { adminOverview, type AdminOverview } from "./overview";

export interface AdminPageData {
  overview: AdminOverview | null;
  runnerProblem: string | null;
  accounts: Array<Instructor & { createdAt: Date }>;
}

export async function loadAdminPage(): Promise<AdminPageData> {
  let opened: Awaited<ReturnType<typeof openLabDeps>>;
  try {
    opened = await openLabDeps(process.env, process.cwd());
  } catch (err) {
    if (err instanceof RunnerNotConfigured) return { overview: null, runnerProblem: err.message, accounts: [] };
    throw err;
  }
  try {
    const accounts = await listAccounts(opened.deps.prisma);
    try {
      return { overview: await adminOverview(opened.deps.prisma, opened.deps.runner), runnerProblem: null, accounts };
    } catch (err) {
      if (err instanceof LabSessionError) return { overview: null, runnerProblem: err.message, accounts };
      throw err;
    }
  } finally {
    await opened.close();
  }
}
