import { closeSync, openSync, readSync } from 'node:fs';

// Shared by the cache (src/store/cache-root.ts, also bundled into boot.cjs) and the writer of the
// user's files (files.ts): only Node built-ins.

/** The temporary name of a file being written: hidden, random, and never longer than 32 characters of the name allow. */
export function tempName(name: string): string {
  return `.${[...name].slice(0, 32).join('')}.${randomHex()}.tmp`;
}

/**
 * 8 random bytes as hex, from /dev/urandom: not node:crypto, which costs a run ~7 ms to load, nor
 * globalThis.crypto, which loads it too. Elsewhere (Windows), node:crypto after all.
 */
function randomHex(): string {
  const bytes = Buffer.alloc(8);
  try {
    const fd = openSync('/dev/urandom', 'r');
    try {
      if (readSync(fd, bytes) !== bytes.length) throw new Error('short read');
    } finally {
      closeSync(fd);
    }
  } catch {
    process.getBuiltinModule('node:crypto').randomFillSync(bytes);
  }
  return bytes.toString('hex');
}
