// CRC-32 (the checksum of zip, gzip and PNG) of text as UTF-8, or of bytes, the same value as
// node:zlib's crc32. Small inputs, which is all a run with a small folder checksums, are done here
// in a few lines: loading node:zlib costs 2-2.5 ms on Node 22 and 24 for the sake of a checksum over a
// few hundred bytes. From LARGE bytes on, node:zlib's is worth loading: it is ten times faster.

const LARGE = 256 * 1024;

let table: Int32Array | undefined;

function makeTable(): Int32Array {
  const t = new Int32Array(256);
  // The table is linear, t[a ^ b] = t[a] ^ t[b]: the eight powers of two bit by bit, then every other
  // entry from two smaller ones, a fifth of the work of computing each bit by bit.
  for (let power = 1; power < 256; power <<= 1) {
    let c = power;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[power] = c;
  }
  for (let n = 1; n < 256; n++) t[n] = t[n & (n - 1)] ^ t[n & -n];
  return t;
}

export function crc32(data: string | Uint8Array): number {
  const bytes = typeof data === 'string' ? (data.length * 3 < LARGE ? new TextEncoder().encode(data) : undefined) : data;
  if (!bytes || bytes.length >= LARGE) return process.getBuiltinModule('node:zlib').crc32(data);
  const t = (table ??= makeTable());
  let c = -1;
  for (let i = 0; i < bytes.length; i++) c = t[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}
