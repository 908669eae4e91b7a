import { randomInt } from 'node:crypto';
import { residentIdCheckChar } from '@sanshe/common';
import { ownerClient } from './test-app';

/** Birthdays already given out by this test file: two people a test registers must never collide as "already served". */
const issued = new Set<string>();

/** A random adult's birthday (YYYYMMDD, 1940–1989) not given out before in this file. */
function freshBirthday(): string {
  for (;;) {
    const birth = `19${randomInt(40, 90)}${String(randomInt(1, 13)).padStart(2, '0')}${String(randomInt(1, 29)).padStart(2, '0')}`;
    if (!issued.has(birth)) {
      issued.add(birth);
      return birth;
    }
  }
}

/**
 * A valid synthetic resident ID number (its check character computed as the server checks it). Unless `birth`
 * (YYYYMMDD) is given, each number has a random birthday of its own: random, because the privacy test looks for
 * every 5-digit piece of the number in a database dump, and a fixed or narrow birthday made a piece that also stood
 * in the dump by chance (a first run of a 1950s-only version found "19500"). `division` is the six-digit place code
 * (default Chengdu's Wuhou district, 510107).
 */
export function residentId(opts: { birth?: string; male?: boolean; division?: string } = {}): string {
  const birth = opts.birth ?? freshBirthday();
  const seq = String(randomInt(0, 500) * 2 + (opts.male === false ? 0 : 1)).padStart(3, '0');
  const first17 = `${opts.division ?? '510107'}${birth}${seq}`;
  return first17 + residentIdCheckChar(first17);
}

/** The schema owner inside one district (RLS is forced even for the owner): for fixtures HTTP cannot make. */
export async function inDistrict<T>(tenantId: string, work: (q: (sql: string, params?: unknown[]) => Promise<any[]>) => Promise<T>): Promise<T> {
  const owner = await ownerClient();
  try {
    await owner.query(`SELECT set_config('app.tenant_id', $1, false)`, [tenantId]);
    return await work(async (sql, params) => (await owner.query(sql, params)).rows);
  } finally {
    await owner.end();
  }
}
