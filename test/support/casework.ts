import { randomInt } from 'node:crypto';
import { residentIdCheckChar } from '@sanshe/common';

const DAY_MS = 24 * 3600_000;
/**
 * Born on a day drawn once in the 1950s, plus a week per number issued: adults, no two of one test file share a
 * birthday, and no fixed digits (the privacy test looks for pieces of the number in a database dump).
 */
const FIRST_BIRTHDAY = Date.UTC(1950, 0, 1) + randomInt(0, 3650) * DAY_MS;
let issued = 0;

/**
 * A valid synthetic resident ID number (its check character computed as the server checks it). Unless `birth`
 * (YYYYMMDD) is given, each number this file issues has a birthday of its own, so two people a test registers never
 * collide as "already served". `division` is the six-digit place code (default Chengdu's Wuhou district, 510107).
 */
export function residentId(opts: { birth?: string; male?: boolean; division?: string } = {}): string {
  const birth = opts.birth ?? new Date(FIRST_BIRTHDAY + issued++ * 7 * DAY_MS).toISOString().slice(0, 10).replace(/-/g, '');
  const seq = String(randomInt(0, 500) * 2 + (opts.male === false ? 0 : 1)).padStart(3, '0');
  const first17 = `${opts.division ?? '510107'}${birth}${seq}`;
  return first17 + residentIdCheckChar(first17);
}
