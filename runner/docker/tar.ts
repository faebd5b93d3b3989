/**
 * A minimal, dependency-free POSIX ustar encoder: just enough to hand regular files to Docker's
 * putArchive (which extracts at "/" and creates missing parent directories itself). Paths longer than
 * 100 bytes are split into the ustar prefix field; anything that still does not fit is rejected rather
 * than silently truncated.
 */

export interface TarEntry {
  /** Path inside the archive, without a leading slash. */
  name: string;
  content: Uint8Array;
  mode: number;
  uid?: number;
  gid?: number;
  mtime?: Date;
}

const BLOCK = 512;
const encoder = new TextEncoder();

export function encodeTar(entries: readonly TarEntry[]): Uint8Array {
  const parts: Uint8Array[] = [];
  for (const entry of entries) {
    parts.push(header(entry));
    parts.push(entry.content);
    const pad = (BLOCK - (entry.content.length % BLOCK)) % BLOCK;
    if (pad > 0) parts.push(new Uint8Array(pad));
  }
  parts.push(new Uint8Array(BLOCK * 2)); // end-of-archive marker: two zero blocks
  return concat(parts);
}

function header(entry: TarEntry): Uint8Array {
  const block = new Uint8Array(BLOCK);
  const { name, prefix } = splitName(entry.name);
  writeString(block, 0, 100, name);
  writeOctal(block, 100, 8, entry.mode & 0o7777);
  writeOctal(block, 108, 8, entry.uid ?? 0);
  writeOctal(block, 116, 8, entry.gid ?? 0);
  writeOctal(block, 124, 12, entry.content.length);
  writeOctal(block, 136, 12, Math.floor((entry.mtime ?? new Date(0)).getTime() / 1000));
  block.fill(0x20, 148, 156); // checksum is computed with its own field set to spaces
  block[156] = 0x30; // typeflag '0': regular file
  writeString(block, 257, 6, "ustar");
  writeString(block, 263, 2, "00");
  writeString(block, 345, 155, prefix);
  let sum = 0;
  for (const byte of block) sum += byte;
  writeString(block, 148, 8, sum.toString(8).padStart(6, "0") + "\0 ");
  return block;
}

function splitName(path: string): { name: string; prefix: string } {
  const bytes = encoder.encode(path).length;
  if (bytes <= 100) return { name: path, prefix: "" };
  // Split at a slash so that the tail fits in 100 bytes and the head in 155.
  for (let i = path.indexOf("/"); i !== -1; i = path.indexOf("/", i + 1)) {
    const prefix = path.slice(0, i);
    const name = path.slice(i + 1);
    if (encoder.encode(prefix).length <= 155 && encoder.encode(name).length <= 100) return { name, prefix };
  }
  throw new Error(`tar: path too long for ustar (${bytes} bytes): ${path}`);
}

function writeString(block: Uint8Array, offset: number, length: number, value: string): void {
  const bytes = encoder.encode(value);
  if (bytes.length > length) throw new Error(`tar: field too long at offset ${offset}: ${value}`);
  block.set(bytes, offset);
}

function writeOctal(block: Uint8Array, offset: number, length: number, value: number): void {
  const digits = value.toString(8);
  if (digits.length > length - 1) throw new Error(`tar: value ${value} does not fit a ${length}-byte field`);
  writeString(block, offset, length, digits.padStart(length - 1, "0") + "\0");
}

function concat(parts: Uint8Array[]): Uint8Array {
  const total = parts.reduce((n, p) => n + p.length, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
