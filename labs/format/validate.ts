/**
 * The pure front half of loading a lab: YAML text in, either a validated wire lab or every diagnostic at
 * once. Order of business, as in kind's config loading: YAML syntax, then apiVersion/kind (a different
 * version would be read differently, so nothing else is checked), then the strict schema and the cross-field
 * rules side by side, each problem positioned at the offending key or value.
 */
import { LineCounter, parseDocument, type Document } from "yaml";
import { toDiagnostics, type Finding } from "./finding";
import { issueFindings } from "./issues";
import { toPosition } from "./positions";
import { isRecord } from "./raw";
import { checkSemantics } from "./semantic";
import { didYouMean } from "./suggest";
import type { LabTree } from "./tree";
import type { Diagnostic } from "./types";
import { sortDiagnostics } from "./diagnostics";
import { API_VERSION, LAB_KIND, labSchema, type WireLab } from "./v1alpha1";

export interface LabSource {
  /** Path of lab.yaml as it should appear in diagnostics. */
  file: string;
  /** Folder name of the lab (metadata.id must equal it). */
  dirName: string;
  text: string;
  tree: LabTree;
}

export interface ValidationResult {
  /** Present only when there are no diagnostics. */
  wire?: WireLab;
  diagnostics: Diagnostic[];
  /** Relative paths of the Markdown pages and scripts the converter needs. */
  textFiles: string[];
}

export function validateLabSource(source: LabSource): ValidationResult {
  const counter = new LineCounter();
  const doc = parseDocument(source.text, { lineCounter: counter, prettyErrors: false });
  const at = (line: number, column: number, message: string): Diagnostic => ({ file: source.file, line, column, message });

  const syntaxError = doc.errors[0];
  if (syntaxError) {
    // Only the first: after a syntax error the parser's follow-on complaints are mostly noise.
    const position = toPosition(counter, syntaxError.pos[0]);
    return { diagnostics: [at(position.line, position.column, `YAML syntax error: ${firstLine(syntaxError.message)}`)], textFiles: [] };
  }
  const data: unknown = doc.toJS();
  if (data === null || data === undefined) {
    return { diagnostics: [at(1, 1, "lab.yaml is empty; it needs apiVersion, kind, metadata and steps")], textFiles: [] };
  }
  if (!isRecord(data)) {
    return { diagnostics: [at(1, 1, "lab.yaml must be a mapping with apiVersion, kind, metadata and steps")], textFiles: [] };
  }

  const header = headerFindings(data);
  if (header.length > 0) return { diagnostics: toDiagnostics(source.file, doc, counter, header), textFiles: [] };

  const parsed = labSchema.safeParse(data, { reportInput: true });
  const findings = parsed.success ? [] : issueFindings(labSchema, data, parsed.error.issues);
  const semantic = checkSemantics({ data, dirName: source.dirName, tree: source.tree });
  findings.push(...semantic.findings);
  const diagnostics = sortDiagnostics(dedupe(toDiagnostics(source.file, doc as Document, counter, findings)));
  if (!parsed.success || diagnostics.length > 0) return { diagnostics, textFiles: [] };
  return { wire: parsed.data, diagnostics: [], textFiles: semantic.textFiles };
}

function headerFindings(data: Record<string, unknown>): Finding[] {
  const findings: Finding[] = [];
  const { apiVersion, kind } = data;
  if (apiVersion === undefined) {
    findings.push({ path: [], at: "value", message: `missing required field \`apiVersion\`; use \`apiVersion: ${API_VERSION}\`` });
  } else if (apiVersion !== API_VERSION) {
    findings.push({
      path: ["apiVersion"],
      at: "value",
      message: `unsupported apiVersion \`${String(apiVersion)}\`; this version of Praxis reads \`${API_VERSION}\`${didYouMean(String(apiVersion), [API_VERSION])}`,
    });
  }
  if (kind === undefined) {
    findings.push({ path: [], at: "value", message: `missing required field \`kind\`; use \`kind: ${LAB_KIND}\`` });
  } else if (kind !== LAB_KIND) {
    findings.push({ path: ["kind"], at: "value", message: `kind must be \`${LAB_KIND}\`, got \`${String(kind)}\`` });
  }
  return findings;
}

/** yaml's messages carry a source excerpt after the first line; the position already says where. */
function firstLine(message: string): string {
  return message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
}

function dedupe(list: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return list.filter((d) => {
    const key = `${d.line}:${d.column}:${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
