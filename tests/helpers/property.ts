/**
 * How many cases a fast-check property tries. The suite tries few, to stay fast on two cores; fast-check
 * draws new cases on every run, so the runs add up. For a deep search (before a release, after a change
 * to the loader) multiply them: `PROPERTY_RUNS_FACTOR=10 npx vitest run tests/deep/`.
 */
export function runs(n: number): number {
  const factor = Number(process.env.PROPERTY_RUNS_FACTOR ?? 1);
  return Math.max(1, Math.round(n * (Number.isFinite(factor) && factor > 0 ? factor : 1)));
}
