import { Foundation1763776800000 } from './1763776800000-Foundation';
import { Ledger1763777000000 } from './1763777000000-Ledger';

/** Every migration in order. Listed explicitly so the CLI, the test harness and the bench load the same set. */
export const MIGRATIONS = [Foundation1763776800000, Ledger1763777000000];
