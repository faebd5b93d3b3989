/**
 * The wire format of lab.yaml, version praxis.dev/v1alpha1, defined once with zod. This single definition
 * drives strict parsing (unknown fields are errors), the generated JSON Schema (content/lab.schema.json) and
 * the wire types the converter reads. Only single-value rules live here; rules that relate several values
 * (references, uniqueness, files on disk) live in semantic.ts. Defaults are documented with `.meta` but are
 * applied later by convert.ts, like kind's versioned config: decode strictly, then default, then validate.
 */
import { z } from "zod";
import { LINUX_CAPABILITIES } from "./capabilities";
import { DEFAULTS, KUBERNETES_VERSIONS, LIMITS } from "./defaults";
import { MEMORY_PATTERN, MODE_PATTERN, parseMemory } from "./units";
import { gradingSchema } from "./v1alpha1-grading";
import { containerCheckSchema, fileCheckSchema, httpCheckSchema } from "./v1alpha1-host-checks";
import { kubernetesCheckSchema } from "./v1alpha1-kubernetes";
import { checkName, checkWeight, dnsLabel, duration, nonEmpty, relativeFile } from "./wire-fields";

export const API_VERSION = "praxis.dev/v1alpha1";
export const LAB_KIND = "Lab";

const absolutePath = z.string().regex(/^\//, { error: "must be an absolute path (starting with /)" });

const scriptFields = {
  script: relativeFile.optional().meta({ description: "Script file, relative to the lab directory. Exactly one of `script` and `run`." }),
  run: nonEmpty.optional().meta({ description: "Inline shell script. Exactly one of `script` and `run`." }),
};

const hostField = dnsLabel("a host")
  .optional()
  .meta({ description: "Host to run on; may be omitted when the environment has exactly one host." });

/** A script run on one host: step setup and solve scripts. */
export const hostScriptSchema = z
  .strictObject({ host: hostField, ...scriptFields, timeout: duration(DEFAULTS.scriptTimeout).optional() })
  .meta({ description: "A script run on one host." });

/** A host's provisioning script: the host is implied. */
export const provisionScriptSchema = z
  .strictObject({ ...scriptFields, timeout: duration(DEFAULTS.scriptTimeout).optional() })
  .meta({ description: "A script run on this host while the environment is provisioned." });

export const scriptCheckSchema = z
  .strictObject({
    kind: z.literal("script"),
    name: checkName,
    host: hostField,
    ...scriptFields,
    timeout: duration(DEFAULTS.checkTimeout).optional(),
    retries: z
      .number()
      .int()
      .min(0)
      .max(LIMITS.maxScriptRetries)
      .optional()
      .meta({ default: 0, description: "How many more times a failing script is run before the check fails (for conditions that settle)." }),
    interval: duration(DEFAULTS.checkInterval).optional().meta({ description: "Pause between two runs when `retries` is set." }),
    weight: checkWeight,
  })
  .meta({
    description:
      "Passes when the script exits 0. Lines printed as `FAIL: <message>` are shown to the learner when it fails.",
  });

/** Check kinds reserved for later versions; the validator names them as "planned" rather than "unknown". */
export const PLANNED_CHECK_KINDS: readonly string[] = [];

export const checkSchema = z.discriminatedUnion("kind", [scriptCheckSchema, kubernetesCheckSchema, containerCheckSchema, fileCheckSchema, httpCheckSchema]);

/** The check kinds this version reads, for messages ("supported kinds: script, kubernetes, …"). */
export const CHECK_KINDS = ["script", "kubernetes", "container", "file", "http"] as const;

export const fileSchema = z.strictObject({
  source: relativeFile.meta({ description: "File or directory in the lab, copied recursively." }),
  target: absolutePath.meta({ description: "Absolute path in the host." }),
  mode: z
    .string()
    .regex(MODE_PATTERN, { error: 'must be an octal mode in quotes, such as "0644" or "0755"' })
    .optional()
    .meta({ description: 'Octal permission bits as a quoted string. Default "0644" ("0755" for files executable in the lab).' }),
});

export const resourcesSchema = z.strictObject({
  cpu: z.number().gt(0).max(LIMITS.maxCpus).optional().meta({ description: "CPU cores, may be fractional.", default: DEFAULTS.cpus }),
  memory: z
    .string()
    .regex(MEMORY_PATTERN, { error: 'must be a memory quantity in quotes, such as "512Mi" or "1Gi"', abort: true })
    .refine((t) => {
      const bytes = parseMemory(t) ?? 0;
      return bytes >= LIMITS.minMemoryBytes && bytes <= LIMITS.maxMemoryBytes;
    }, { error: "must be between 32Mi and 16Gi" })
    .optional()
    .meta({ description: "Memory limit, Kubernetes quantity such as 512Mi or 1Gi.", default: DEFAULTS.memory }),
  pids: z.number().int().min(LIMITS.minPids).max(LIMITS.maxPids).optional().meta({ description: "Maximum number of processes.", default: DEFAULTS.pids }),
});

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export const portSchema = z
  .strictObject({
    port: z.number().int().min(1).max(65535).meta({ description: "TCP port the service listens on inside the host." }),
    name: nonEmpty.max(40).meta({ description: 'Tab label, e.g. "Web app".' }),
    path: z
      .string()
      .regex(/^\//, { error: 'must start with "/", such as "/" or "/admin"' })
      .optional()
      .meta({ description: "Path the tab opens.", default: DEFAULTS.portPath }),
  })
  .meta({ description: "A web service of this host, proxied to the learner's browser." });

export const hostSchema = z.strictObject({
  name: dnsLabel("a host (its hostname and network alias)"),
  image: nonEmpty.optional().meta({ default: DEFAULTS.image }),
  privileged: z.boolean().optional().meta({ description: "Run privileged. Cannot be combined with `capabilities`.", default: false }),
  capabilities: z
    .array(z.enum(LINUX_CAPABILITIES))
    .optional()
    .meta({ description: "Extra Linux capabilities, without the CAP_ prefix (e.g. NET_ADMIN)." }),
  resources: resourcesSchema.optional(),
  env: z
    .record(z.string().regex(ENV_NAME, { error: "must be a valid environment variable name (letters, digits, '_'; not starting with a digit)" }), z.string())
    .optional()
    .meta({ description: "Environment variables. Values are strings; quote numbers and booleans." }),
  files: z.array(fileSchema).optional().meta({ description: "Files and directories copied into the host before setup runs." }),
  workingDir: absolutePath.optional().meta({ default: DEFAULTS.workingDir }),
  terminal: z.boolean().optional().meta({ description: "Whether the learner gets a terminal tab.", default: DEFAULTS.terminal }),
  editor: z
    .strictObject({ paths: z.array(absolutePath).min(1).meta({ description: "Absolute paths (files or directories) the editor may open." }) })
    .optional()
    .meta({ description: "Enables the in-browser editor for this host." }),
  setup: z.array(provisionScriptSchema).optional(),
  ports: z.array(portSchema).optional().meta({ description: "Web services in this host, shown to the learner as tabs." }),
});

export const clusterSchema = z
  .strictObject({
    provider: z.literal("kind").optional().meta({ default: "kind" }),
    nodes: z.number().int().min(1).max(LIMITS.maxClusterNodes).optional().meta({ default: DEFAULTS.clusterNodes }),
    kubernetesVersion: z
      .string()
      .regex(/^v\d+\.\d+\.\d+$/, { error: `must be a Kubernetes version such as "${DEFAULTS.kubernetesVersion}"`, abort: true })
      .refine((v) => (KUBERNETES_VERSIONS as readonly string[]).includes(v), {
        error: (issue) => `Praxis has no node image for ${String(issue.input)}: it builds ${KUBERNETES_VERSIONS.join(", ")} ("praxis images build kind-node")`,
      })
      .optional()
      .meta({ default: DEFAULTS.kubernetesVersion }),
    preloadImages: z.array(nonEmpty).optional().meta({ description: "Images loaded into every node before the lab starts." }),
  })
  .meta({ description: "A Kubernetes cluster (kind) reachable from the hosts." });

export const environmentSchema = z.strictObject({
  hosts: z.array(hostSchema).min(1),
  cluster: clusterSchema.optional(),
});

export const stepSchema = z.strictObject({
  id: dnsLabel("a step"),
  title: nonEmpty,
  instructions: relativeFile.optional().meta({ description: "Markdown file. Default steps/<id>/index.md." }),
  setup: z.array(hostScriptSchema).optional().meta({ description: "Scripts run in order when the learner reaches the step." }),
  checks: z.array(checkSchema).optional(),
  solve: hostScriptSchema.optional().meta({ description: "Script that completes the step." }),
  hints: z.array(nonEmpty).optional().meta({ description: "Progressive hints (Markdown), revealed one at a time." }),
  solution: relativeFile.optional().meta({ description: "Markdown file with the worked solution." }),
});

export const metadataSchema = z.strictObject({
  id: dnsLabel("the lab (it must equal the lab's folder name)"),
  title: nonEmpty,
  summary: nonEmpty,
  topics: z
    .array(z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: "must be a lowercase tag such as `containers` or `linux-basics`" }))
    .optional(),
  difficulty: z.enum(["beginner", "intermediate", "advanced"]),
  estimatedMinutes: z.number().int().min(1).max(LIMITS.maxEstimatedMinutes),
  prerequisites: z.array(nonEmpty).optional(),
});

export const labSchema = z
  .strictObject({
    apiVersion: z.literal(API_VERSION),
    kind: z.literal(LAB_KIND),
    metadata: metadataSchema,
    environment: environmentSchema
      .optional()
      .meta({ description: "Hosts and cluster. Default: one host `workstation` running praxis/workstation." }),
    intro: relativeFile.optional().meta({ description: "Markdown shown before the first step. Default intro.md if present." }),
    finish: relativeFile.optional().meta({ description: "Markdown shown after the last step. Default finish.md if present." }),
    steps: z.array(stepSchema).min(1),
    grading: gradingSchema.optional(),
  })
  .meta({ title: "Praxis lab (praxis.dev/v1alpha1)", description: "A hands-on lab: content/labs/<id>/lab.yaml." });

export type WireLab = z.infer<typeof labSchema>;
export type WireHost = z.infer<typeof hostSchema>;
export type WireStep = z.infer<typeof stepSchema>;
export type WireHostScript = z.infer<typeof hostScriptSchema>;
export type WireCheck = z.infer<typeof checkSchema>;
