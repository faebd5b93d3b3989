/**
 * Decides whether file bytes can be shown in the editor as text. Bytes with a NUL, or that are not valid
 * UTF-8, are binary: returning them as a string would silently replace bytes with U+FFFD and a later
 * save would corrupt the file. Pure and shared by read and write paths.
 */

export type FileContent = { kind: "text"; text: string } | { kind: "binary" };

const strict = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

export function classifyContent(bytes: Uint8Array): FileContent {
  if (bytes.includes(0)) return { kind: "binary" };
  try {
    return { kind: "text", text: strict.decode(bytes) };
  } catch {
    return { kind: "binary" };
  }
}
