import { isUtf8 } from 'node:buffer';

const SAVE_AS = 'sla het bestand op als UTF-8';

/**
 * A catalogue file's bytes as text, or where they are not UTF-8. Nothing is replaced silently: a
 * byte that is not UTF-8 would otherwise become U+FFFD in a name or a link, and a UTF-16 file would
 * reach the YAML parser as text full of NUL characters.
 */
export function decodeUtf8(bytes: Buffer): { text: string } | { line: number; column?: number; message: string } {
  if (looksLikeUtf16(bytes)) return { line: 1, message: `geen geldige UTF-8: het bestand is opgeslagen als UTF-16; ${SAVE_AS}` };
  const text = bytes.toString('utf8');
  if (isUtf8(bytes)) return { text };
  // The bytes before the first bad one are valid, so the decoded text up to there has their length.
  let offset = 0;
  let from = 0;
  for (let i = text.indexOf('\ufffd'); i >= 0; i = text.indexOf('\ufffd', i + 1)) {
    offset += Buffer.byteLength(text.slice(from, i));
    from = i;
    // A real U+FFFD in the file is EF BF BD; anything else at this place is the bad byte.
    if (bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd) continue;
    const lineStart = text.lastIndexOf('\n', i - 1) + 1;
    let line = 1;
    for (let j = text.indexOf('\n'); j >= 0 && j < i; j = text.indexOf('\n', j + 1)) line++;
    const byte = bytes[offset].toString(16).toUpperCase().padStart(2, '0');
    return { line, column: i - lineStart + 1, message: `geen geldige UTF-8 (byte 0x${byte}); ${SAVE_AS}` };
  }
  return { line: 1, message: `geen geldige UTF-8; ${SAVE_AS}` };
}

/** A byte order mark for UTF-16, or the NUL bytes that ASCII text in UTF-16 has in every other place. */
function looksLikeUtf16(b: Buffer): boolean {
  if (b.length >= 2 && ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff))) return true;
  return b.length >= 2 && (b[0] === 0) !== (b[1] === 0);
}
