/** Set by the build (scripts/build.mjs) and, for tests run from source, by vitest.config.ts: both from package.json. */
declare const __VERSION__: string;

/** The package's version. */
export const VERSION: string = __VERSION__;
