import { checksum, type CacheReader } from './folder-cache.js';

// A cache file of a JSON header and byte sections. Each section starts on a multiple of 4 bytes,
// so that arrays of 32-bit numbers can be used in place, and any section (or part of one) can be
// read without reading the rest of the file.
//
//   "MWP3" | header length (u32, little-endian) | header JSON | sections, each padded to 4 bytes
//
// The header holds, per section, a checksum of every block of BLOCK bytes, and every read is checked
// against them (reading a part reads and checks its whole blocks): a file damaged at the same length
// reads as no file, never as data.

const MAGIC = 'MWP3';
const BLOCK = 64 * 1024;
const align = (n: number) => (n + 3) & ~3;

function blockSums(bytes: Uint8Array): string[] {
  const sums: string[] = [];
  for (let at = 0; at < bytes.length; at += BLOCK) sums.push(checksum(bytes.subarray(at, at + BLOCK), bytes.length));
  return sums;
}

export function pack(header: Record<string, unknown>, sections: Uint8Array[]): Uint8Array {
  const head = new TextEncoder().encode(JSON.stringify({ ...header, sections: sections.map((s) => s.length), sums: sections.map(blockSums) }));
  let size = align(8 + head.length);
  const starts = sections.map((s) => {
    const start = size;
    size = align(size + s.length);
    return start;
  });
  const bytes = new Uint8Array(size);
  bytes.set(new TextEncoder().encode(MAGIC), 0);
  new DataView(bytes.buffer).setUint32(4, head.length, true);
  bytes.set(head, 8);
  sections.forEach((s, i) => bytes.set(s, starts[i]));
  return bytes;
}

export interface Packed {
  header: Record<string, unknown>;
  /** A whole section, or undefined when the file is too short. */
  section(i: number): Uint8Array | undefined;
  /** Part of a section. */
  slice(i: number, offset: number, length: number): Uint8Array | undefined;
}

/** The header and a way to read sections; undefined when the file is not a packed file. */
export function unpack(file: CacheReader): Packed | undefined {
  const start = file.read(0, 8);
  if (!start || new TextDecoder().decode(start.subarray(0, 4)) !== MAGIC) return undefined;
  const headLength = start.readUInt32LE(4);
  const head = file.read(8, headLength);
  if (!head) return undefined;
  let header: Record<string, unknown>;
  try {
    header = JSON.parse(new TextDecoder().decode(head)) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  const lengths = header.sections;
  if (!Array.isArray(lengths) || !lengths.every((n) => Number.isSafeInteger(n) && n >= 0)) return undefined;
  const sums = header.sums as string[][];
  if (!Array.isArray(sums) || sums.length !== lengths.length) return undefined;
  if (!sums.every((s, i) => Array.isArray(s) && s.length === Math.ceil((lengths[i] as number) / BLOCK))) return undefined;
  let at = align(8 + headLength);
  const starts = (lengths as number[]).map((n) => {
    const s = at;
    at = align(at + n);
    return s;
  });
  if (at !== file.size) return undefined;
  /** Part of section i, read in whole blocks that are each checked against their sum. */
  const slice = (i: number, offset: number, length: number): Uint8Array | undefined => {
    const size = lengths[i] as number;
    if (!(i < lengths.length && offset >= 0 && length >= 0 && offset + length <= size)) return undefined;
    if (length === 0) return new Uint8Array(0);
    const first = Math.floor(offset / BLOCK);
    const last = Math.floor((offset + length - 1) / BLOCK);
    const from = first * BLOCK;
    const bytes = file.read(starts[i] + from, Math.min(size, (last + 1) * BLOCK) - from);
    if (!bytes) return undefined;
    for (let b = first; b <= last; b++) {
      const at = (b - first) * BLOCK;
      if (checksum(bytes.subarray(at, at + BLOCK), bytes.length) !== sums[i][b]) return undefined;
    }
    return bytes.subarray(offset - from, offset - from + length);
  };
  return { header, section: (i) => (i < lengths.length ? slice(i, 0, lengths[i] as number) : undefined), slice };
}

/** Bytes as 32-bit numbers (native byte order), in place when aligned. */
export function uint32s(bytes: Uint8Array): Uint32Array | undefined {
  if (bytes.length % 4 !== 0) return undefined;
  if (bytes.byteOffset % 4 === 0) return new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4);
  return new Uint32Array(bytes.slice().buffer);
}

export function bytesOf(numbers: Uint32Array): Uint8Array {
  return new Uint8Array(numbers.buffer, numbers.byteOffset, numbers.byteLength);
}

export const littleEndian = () => new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
