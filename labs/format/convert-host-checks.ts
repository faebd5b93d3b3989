/**
 * Converts validated `container`, `file` and `http` wire checks into the internal model: resolves the
 * implied host, turns one-or-many values into lists and durations and modes into numbers, and applies the
 * defaults (timeout 10s, interval 1s, request timeout 5s, GET, any 2xx). Trusts semantic-host-checks.ts.
 */
import { DEFAULTS } from "./defaults";
import type { ContainerCheck, ContainerExpectation, FileCheck, HostCheck, HttpCheck, StructuredExpectation } from "./types-host-checks";
import { parseDuration } from "./units";
import type { WireCheck } from "./v1alpha1";

type WireHostCheck = Extract<WireCheck, { kind: "container" | "file" | "http" }>;

export function convertHostCheck(wire: WireHostCheck, name: string, onlyHost: string | undefined): HostCheck {
  const common = {
    name,
    host: wire.host ?? onlyHost ?? "",
    timeoutMs: parseDuration(wire.timeout ?? DEFAULTS.hostCheckTimeout)!,
    intervalMs: parseDuration(wire.interval ?? DEFAULTS.checkInterval)!,
    weight: wire.weight ?? DEFAULTS.checkWeight,
  };
  switch (wire.kind) {
    case "container":
      return containerCheck(wire, common);
    case "file":
      return fileCheck(wire, common);
    case "http":
      return httpCheck(wire, common);
  }
}

type Common = Pick<ContainerCheck, "name" | "host" | "timeoutMs" | "intervalMs" | "weight">;

function containerCheck(wire: Extract<WireHostCheck, { kind: "container" }>, common: Common): ContainerCheck {
  const subject: ContainerCheck["subject"] =
    wire.container !== undefined ? { kind: "container", name: wire.container } : wire.process !== undefined ? { kind: "process", name: wire.process } : { kind: "host" };
  const { user, capabilities, ...flags } = wire.expect;
  const expect: ContainerExpectation = {
    ...flags,
    ...(user !== undefined && { user: String(user) }),
    ...(capabilities && { capabilities: { add: capabilities.add ?? [], drop: capabilities.drop ?? [] } }),
  };
  return { kind: "container", ...common, subject, expect };
}

function fileCheck(wire: Extract<WireHostCheck, { kind: "file" }>, common: Common): FileCheck {
  const parsed = structured("yaml", wire.yaml) ?? structured("json", wire.json);
  const owner = wire.owner === undefined ? undefined : ownerOf(wire.owner);
  return {
    kind: "file",
    ...common,
    path: wire.path,
    expect: {
      exists: wire.exists ?? true,
      ...(wire.type && { type: wire.type }),
      ...(wire.mode !== undefined && { mode: Number.parseInt(wire.mode, 8) }),
      ...(owner && { owner }),
      contains: many(wire.contains),
      matches: many(wire.matches),
      ...(parsed && { parsed }),
    },
  };
}

function httpCheck(wire: Extract<WireHostCheck, { kind: "http" }>, common: Common): HttpCheck {
  const expect = wire.expect ?? {};
  const json = structured("json", expect.json);
  const status = expect.status === undefined ? [] : typeof expect.status === "number" ? [expect.status] : expect.status;
  return {
    kind: "http",
    ...common,
    request: {
      method: wire.method ?? "GET",
      url: wire.url,
      headers: wire.headers ?? {},
      ...(wire.body !== undefined && { body: wire.body }),
      timeoutMs: parseDuration(wire.requestTimeout ?? DEFAULTS.httpRequestTimeout)!,
    },
    expect: {
      status,
      contains: many(expect.contains),
      matches: many(expect.matches),
      ...(json && { json: json.partial === undefined ? {} : { partial: json.partial } }),
      headers: expect.headers ?? {},
    },
  };
}

function many(value: string | string[] | undefined): string[] {
  return value === undefined ? [] : typeof value === "string" ? [value] : value;
}

function structured(format: "yaml" | "json", value: unknown): StructuredExpectation | undefined {
  if (value === undefined) return undefined;
  return value === true ? { format } : { format, partial: value };
}

/** "www-data:www-data" -> {user, group}; ":docker" -> {group}; "root" -> {user}. */
function ownerOf(text: string): { user?: string; group?: string } {
  const [user = "", group] = text.split(":");
  return { ...(user !== "" && { user }), ...(group !== undefined && { group }) };
}
