import type { CacheReader } from './cache.js';

// A cache file of a JSON header and byte sections. Each section starts on a multiple of 4 bytes,
// so that arrays of 32-bit numbers can be used in place, and any section (or part of one) can be
// read without reading the rest of the file.
//
//   "MWP1" | header length (u32, little-endian) | header JSON | sections, each padded to 4 bytes

const MAGIC = 'MWP1';
const align = (n: number) => (n + 3) & ~3;

export function pack(header: Record<string, unknown>, sections: Uint8Array[]): Uint8Array {
  const head = new TextEncoder().encode(JSON.stringify({ ...header, sections: sections.map((s) => s.length) }));
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
  let at = align(8 + headLength);
  const starts = (lengths as number[]).map((n) => {
    const s = at;
    at = align(at + n);
    return s;
  });
  if (at !== file.size) return undefined;
  return {
    header,
    section: (i) => (i < lengths.length ? file.read(starts[i], lengths[i] as number) : undefined),
    slice: (i, offset, length) =>
      i < lengths.length && offset >= 0 && length >= 0 && offset + length <= (lengths[i] as number) ? file.read(starts[i] + offset, length) : undefined,
  };
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
