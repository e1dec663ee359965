// The characters that are never shown raw: C0 and C1 control characters (ESC among them), the bidi
// overrides that can disguise text, and the invisible ones that take no column or break a line where
// the grid does not expect it: soft hyphen, zero-width space and joiners, direction marks, U+2028/U+2029
// (line and paragraph separator), word joiner and invisible operators, the byte order mark, interlinear
// annotation marks. As regex source for a character class (escapes, so a JSON schema shows them
// readably); free of imports, since the schema and the terminal both use them.
export const CONTROL = '\\u0000-\\u001f\\u007f-\\u009f';
export const INVISIBLE = '\\u00ad\\u061c\\u180e\\u200b-\\u200f\\u2028-\\u202e\\u2060-\\u2069\\ufeff\\ufff9-\\ufffb';

/** One such character as its visible escape, `\u001b`. */
export const escaped = (ch: string) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
