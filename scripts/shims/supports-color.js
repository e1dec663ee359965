// Replaces chalk's colour detection in the bundle: methodewijzer decides on colour itself
// (src/text/terminal.ts: terminal, NO_COLOR, FORCE_COLOR, --no-color) and always passes chalk a level,
// so the detection, and the node:os and node:tty it loads at start-up, are not needed.
export default { stdout: false, stderr: false };
