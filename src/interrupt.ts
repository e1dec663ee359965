/**
 * Work that must clean up on Ctrl-C or a kill (a file being written) registers here. The CLI's one
 * handler for SIGINT, SIGTERM and SIGHUP calls these instead of exiting, so the work can stop,
 * remove its temporary file and let the command end with exit 130 itself.
 */
export const interruptHandlers = new Set<() => void>();
