/**
 * The database implementation of the login limiter's FailureStore (LoginFailure rows), so every web
 * process behind one database counts the same failures.
 */
import type { PrismaClient } from "../../../prisma/db";
import type { FailureStore } from "./rate-limit";

export function prismaFailureStore(prisma: PrismaClient): FailureStore {
  return {
    async failuresSince(key, since) {
      const rows = await prisma.loginFailure.findMany({ where: { key, createdAt: { gt: since } }, orderBy: { createdAt: "asc" }, select: { createdAt: true } });
      return rows.map((r) => r.createdAt);
    },
    async record(key, at) {
      await prisma.loginFailure.create({ data: { key, createdAt: at } });
    },
    async clear(key) {
      await prisma.loginFailure.deleteMany({ where: { key } });
    },
    async prune(before) {
      await prisma.loginFailure.deleteMany({ where: { createdAt: { lt: before } } });
    },
  };
}
