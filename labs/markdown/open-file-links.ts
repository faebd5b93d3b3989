/**
 * remark plugin: "open this file in the editor" links. A Markdown link whose destination uses the `editor:`
 * scheme — `[the config](editor:/root/app/config.yaml#L12)`, or `editor://web/etc/nginx.conf` to name the host —
 * becomes a button carrying the path, host and line as data attributes; the lab player opens the file in its
 * editor tab at that line. Pure markup, like run blocks: nothing here knows about the player. A malformed
 * destination is reported and left as plain text, because a dead link in a lab is worse than a visible typo.
 */
import type { Link, Parent, PhrasingContent, Root } from "mdast";
import { visit } from "unist-util-visit";
import type { MarkdownDiagnostic } from "./types";

export interface EditorTarget {
  /** Absolute path inside the host. */
  path: string;
  /** Host name; undefined: the player picks the host whose editor paths contain the file. */
  host?: string;
  /** 1-based line to reveal; undefined: the top of the file. */
  line?: number;
}

const SCHEME = "editor:";
const HOST = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

/** Parses an `editor:` destination; a string says what is wrong with it. */
export function parseEditorUrl(url: string): EditorTarget | string {
  if (!url.toLowerCase().startsWith(SCHEME)) return `not an ${SCHEME} link`;
  let rest = url.slice(SCHEME.length);
  let line: number | undefined;
  const hash = rest.indexOf("#");
  if (hash >= 0) {
    const fragment = rest.slice(hash + 1);
    rest = rest.slice(0, hash);
    if (!/^L[1-9][0-9]{0,6}$/.test(fragment)) return `the line must look like #L12, got #${fragment}`;
    line = Number(fragment.slice(1));
  }
  let host: string | undefined;
  if (rest.startsWith("//")) {
    const slash = rest.indexOf("/", 2);
    host = rest.slice(2, slash < 0 ? undefined : slash);
    rest = slash < 0 ? "" : rest.slice(slash);
    if (!HOST.test(host)) return `"${host}" is not a host name`;
  }
  let path: string;
  try {
    path = decodeURIComponent(rest);
  } catch {
    return `the path ${rest} is not valid percent-encoding`;
  }
  if (!path.startsWith("/")) return `the path must be absolute (editor:/root/file.txt), got "${path}"`;
  if (path.split("/").includes("..")) return `the path must not contain "..": ${path}`;
  return { path, ...(host ? { host } : {}), ...(line ? { line } : {}) };
}

export function remarkOpenFileLinks(diagnostics: MarkdownDiagnostic[]) {
  return () => (tree: Root) => {
    visit(tree, "link", (node: Link, index, parent: Parent | undefined) => {
      if (!node.url.toLowerCase().startsWith(SCHEME)) return;
      const target = parseEditorUrl(node.url);
      if (typeof target === "string") {
        diagnostics.push({ line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1, message: `editor link: ${target}` });
        if (parent && index !== undefined) {
          parent.children.splice(index, 1, ...(node.children as PhrasingContent[]));
          return index; // visit the link text that took its place
        }
        return;
      }
      node.data = {
        hName: "button",
        hProperties: {
          type: "button",
          className: ["open-file"],
          dataOpenFile: target.path,
          ...(target.host ? { dataHost: target.host } : {}),
          ...(target.line ? { dataLine: String(target.line) } : {}),
          title: `Open ${target.path}${target.line ? ` at line ${target.line}` : ""} in the editor`,
        },
      };
    });
  };
}
