import { SECTORS, type Sector } from '../sectors';

/**
 * Sectors present (in the room or the process) that have not spoken (commented or voted) on an
 * item, in SECTORS order, each once: the facilitator's list of whom to invite to speak.
 */
export function missingVoices(present: ReadonlyArray<Sector>, spoke: ReadonlyArray<Sector>): Sector[] {
  const here = new Set(present);
  const heard = new Set(spoke);
  return SECTORS.filter((s) => here.has(s) && !heard.has(s));
}
