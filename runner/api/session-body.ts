/**
 * Decodes the body of POST /sessions into the runner's EnvironmentSpec. The wire shape mirrors
 * EnvironmentSpecInput with file contents in base64 (JSON has no bytes); unknown fields are errors so a
 * typo in a caller is reported instead of silently ignored, and every problem is listed at once.
 */
import { z } from "zod";
import { resolveSpec, type EnvironmentSpec } from "../environment/spec";
import { HttpError } from "./errors";
import { describeIssues } from "./http-io";

const positiveInt = z.number().int().positive();

const HostBody = z.strictObject({
  name: z.string(),
  image: z.string(),
  privileged: z.boolean().optional(),
  capAdd: z.array(z.string()).optional(),
  resources: z.strictObject({ nanoCpus: positiveInt.optional(), memoryBytes: positiveInt.optional(), pids: positiveInt.optional() }).optional(),
  env: z.record(z.string(), z.string()).optional(),
  workingDir: z.string().optional(),
  command: z.array(z.string()).optional(),
  files: z.array(z.strictObject({ targetPath: z.string(), contentBase64: z.base64(), mode: z.number().int().min(0).max(0o7777).optional() })).optional(),
  setup: z.array(z.strictObject({ name: z.string().optional(), script: z.string(), timeoutMs: positiveInt.optional() })).optional(),
});

const ClusterBody = z.strictObject({
  nodes: positiveInt.optional(),
  kubernetesVersion: z.string(),
  image: z.string(),
  loadImages: z.array(z.string()).optional(),
  nodeResources: z.strictObject({ nanoCpus: positiveInt.optional(), memoryBytes: positiveInt.optional(), pids: positiveInt.optional() }).optional(),
});

const CreateSessionBody = z.strictObject({
  /** This session's time limit instead of the runner's default (a workshop's per-learner limit); capped at the maximum lifetime. */
  timeLimitMs: positiveInt.optional(),
  spec: z.strictObject({ labId: z.string().min(1), egress: z.boolean().optional(), hosts: z.array(HostBody), cluster: ClusterBody.optional() }),
});

export function decodeCreateSession(body: unknown): EnvironmentSpec {
  return decodeCreateSessionRequest(body).spec;
}

/** The spec and the start options of a POST /sessions body. */
export function decodeCreateSessionRequest(body: unknown): { spec: EnvironmentSpec; timeLimitMs?: number } {
  const parsed = CreateSessionBody.safeParse(body);
  if (!parsed.success) {
    const problems = describeIssues(parsed.error);
    throw new HttpError(400, "bad_request", `invalid session request:\n  - ${problems.join("\n  - ")}`, { problems });
  }
  const { spec, timeLimitMs } = parsed.data;
  const resolved = resolveSpec({
    labId: spec.labId,
    egress: spec.egress,
    ...(spec.cluster && { cluster: spec.cluster }),
    hosts: spec.hosts.map(({ files, ...host }) => ({
      ...host,
      files: files?.map((f) => ({ targetPath: f.targetPath, content: new Uint8Array(Buffer.from(f.contentBase64, "base64")), mode: f.mode })),
    })),
  });
  return { spec: resolved, ...(timeLimitMs ? { timeLimitMs } : {}) };
}
