// A consultant's runs of `actie --dossier` over months: the answers of three sessions, and runs with the
// dossier folder and the clock given (METHODEWIJZER_DOSSIERS, METHODEWIJZER_NOW).
import { runMain } from './main.js';

export const ANSWERS = {
  jan: ['--animo', 'bijsturen', '--contact', 'benutten', '--toerusting', 'aanreiken', '--inbedding', 'organisaties', '--empathie', 'onbekend', '--setting', 'dorp', '--over', 'jongeren willen een eigen keet'],
  mar: ['--animo', 'aansluiten', '--contact', 'benutten', '--toerusting', 'eigen-kracht', '--inbedding', 'beide', '--empathie', 'betrokkenheid', '--setting', 'dorp', '--over', 'jongeren willen een eigen keet'],
  jun: ['--animo', 'aansluiten', '--contact', 'versterken', '--toerusting', 'eigen-kracht', '--inbedding', 'burgers', '--empathie', 'betrokkenheid', '--setting', 'dorp', '--over', 'jongeren willen een eigen keet'],
};

export function consultant(folder: string) {
  return (args: string[], now?: string, env: NodeJS.ProcessEnv = {}) => runMain(args, { env: { METHODEWIJZER_DOSSIERS: folder, ...(now ? { METHODEWIJZER_NOW: now } : {}), ...env } });
}
