/**
 * The wire format of the check kinds that look at one host (part of v1alpha1.ts): `container` (how a
 * container or process is confined), `file` (a path's existence, text, YAML/JSON content, mode, owner) and
 * `http` (a request sent from the host). Like kubernetes checks they are retried until `timeout`. Which keys
 * may be combined is checked by semantic-host-checks.ts; this schema checks each value on its own.
 */
import { z } from "zod";
import { LINUX_CAPABILITIES } from "./capabilities";
import { DEFAULTS } from "./defaults";
import { absolutePath, checkHost, checkName, checkWeight, duration, nonEmpty, oneOrMany } from "./wire-fields";

const retry = {
  timeout: duration(DEFAULTS.hostCheckTimeout).optional().meta({ description: "How long to keep trying before the check fails." }),
  interval: duration(DEFAULTS.checkInterval).optional().meta({ description: "Pause between two tries." }),
  weight: checkWeight,
};

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const CONTAINER_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;

export const containerCheckSchema = z
  .strictObject({
    kind: z.literal("container"),
    name: checkName,
    host: checkHost,
    container: z
      .string()
      .regex(CONTAINER_NAME, { error: "must be a container name or id (letters, digits, '_', '.', '-')" })
      .optional()
      .meta({ description: "A container started inside the host (read with `docker inspect` there). Default: the host itself." }),
    process: nonEmpty.optional().meta({ description: "Instead of the host's PID 1, the oldest process in the host with this name (as `ps -o comm` shows it)." }),
    expect: z
      .strictObject({
        running: z.boolean().optional().meta({ description: "With `container`: whether it is running." }),
        image: nonEmpty.optional().meta({ description: 'Image, e.g. "nginx:1.27" (same as docker.io/library/nginx:1.27).' }),
        user: z
          .union([nonEmpty, z.number().int().min(0)], { error: 'must be a user name or a numeric uid, such as "1000" or nginx' })
          .optional()
          .meta({ description: "Effective user: a numeric uid or a user name." }),
        runAsNonRoot: z.boolean().optional().meta({ description: "true: the effective uid is not 0." }),
        readOnlyRootfs: z.boolean().optional().meta({ description: "The root filesystem is mounted read-only." }),
        privileged: z.boolean().optional(),
        noNewPrivileges: z.boolean().optional().meta({ description: "The no_new_privs flag is set (--security-opt no-new-privileges)." }),
        capabilities: z
          .strictObject({
            add: z.array(z.enum(LINUX_CAPABILITIES)).optional().meta({ description: "Capabilities it must have." }),
            drop: z.array(z.enum(["ALL", ...LINUX_CAPABILITIES])).optional().meta({ description: "Capabilities it must not have; ALL: none beyond `add`." }),
          })
          .optional()
          .meta({ description: "The capability bounding set (what --cap-add/--cap-drop control), names without CAP_." }),
        env: z
          .record(z.string().regex(ENV_NAME, { error: "must be a valid environment variable name" }), z.string().nullable())
          .optional()
          .meta({ description: "Environment variables with these values; null: must not be set." }),
      })
      .meta({ description: "What must hold; only the fields written are compared." }),
    ...retry,
  })
  .meta({ description: "Passes when a container (or the host, or a process in it) is confined as described; retried until `timeout`." });

const structured = (format: string) =>
  z
    .union([z.boolean(), z.record(z.string(), z.unknown()), z.array(z.unknown())], {
      error: `must be true (valid ${format}) or a partial document (a mapping or a list)`,
    })
    // `false` would read as "not valid ${format}", which no check needs: say what to write instead.
    .refine((value) => value !== false, { error: `\`false\` is not an expectation; write true (valid ${format}) or a partial document` })
    .optional()
    .meta({ description: `true: the content is valid ${format}; a mapping or list: the parsed content contains it (lists in any order).` });

export const fileCheckSchema = z
  .strictObject({
    kind: z.literal("file"),
    name: checkName,
    host: checkHost,
    path: absolutePath.meta({ description: "Absolute path in the host." }),
    exists: z.boolean().optional().meta({ description: "false: the path must not exist.", default: true }),
    type: z.enum(["file", "directory"]).optional(),
    contains: oneOrMany("text the file contains").optional().meta({ description: "Text that must occur in the file (each, for a list)." }),
    matches: oneOrMany("a regular expression").optional().meta({ description: "Regular expression(s) that must match somewhere; ^ and $ match at line ends." }),
    yaml: structured("YAML"),
    json: structured("JSON"),
    mode: z
      .string()
      .regex(/^[0-7]?[0-7]{3}$/, { error: 'must be an octal mode in quotes, such as "0644" or "0755"' })
      .optional()
      .meta({ description: 'Permission bits as a quoted octal string, e.g. "0600".' }),
    owner: z
      .string()
      .regex(/^(?:[^:\s]+|[^:\s]*:[^:\s]+)$/, { error: 'must be user, user:group or :group (names or ids), such as "root" or "www-data:www-data"' })
      .optional()
      .meta({ description: "user, user:group or :group; names or numeric ids." }),
    ...retry,
  })
  .meta({ description: "Passes when a path in a host exists (or not) and its content, mode and owner are as described; retried until `timeout`." });

const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/;
const headerName = z.string().regex(HEADER_NAME, { error: "must be an HTTP header name (letters, digits and -)" });
const statusCode = z.number().int().min(100).max(599);

const httpUrl = z.string().refine(
  (text) => {
    try {
      const url = new URL(text);
      return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
    } catch {
      return false;
    }
  },
  { error: 'must be an absolute http:// or https:// URL, such as "http://web:8080/health"' },
);

export const httpCheckSchema = z
  .strictObject({
    kind: z.literal("http"),
    name: checkName,
    host: checkHost,
    url: httpUrl.meta({ description: "URL as seen from the host: other hosts by name, its own services on localhost." }),
    method: z.enum(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]).optional().meta({ default: "GET" }),
    headers: z.record(headerName, z.string()).optional().meta({ description: "Request headers." }),
    body: z.string().optional().meta({ description: "Request body, sent as is." }),
    requestTimeout: duration(DEFAULTS.httpRequestTimeout).optional().meta({ description: "Deadline of one request." }),
    expect: z
      .strictObject({
        status: z
          .union([statusCode, z.array(statusCode).min(1)], { error: "must be a status code such as 200, or a list of them" })
          .optional()
          .meta({ description: "Accepted status code(s). Default: any 2xx." }),
        contains: oneOrMany("text the body contains").optional().meta({ description: "Text that must occur in the body." }),
        matches: oneOrMany("a regular expression").optional().meta({ description: "Regular expression(s) that must match the body." }),
        json: structured("JSON"),
        headers: z
          .record(headerName, z.string().nullable())
          .optional()
          .meta({ description: "Response headers (any case) whose value contains this text; null: the header must be absent." }),
      })
      .optional()
      .meta({ description: "What the response must be. Default: any 2xx status." }),
    ...retry,
  })
  .meta({ description: "Sends an HTTP request from a host and passes when the response is as described; retried until `timeout`." });
