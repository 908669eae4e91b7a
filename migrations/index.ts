import { Foundation1763776800000 } from './1763776800000-Foundation';
import { OrganisationRegistry1763776900000 } from './1763776900000-OrganisationRegistry';
import { Ledger1763777000000 } from './1763777000000-Ledger';
import { Casework1763777100000 } from './1763777100000-Casework';
import { VentureCalls1763777200000 } from './1763777200000-VentureCalls';
import { Projects1763777300000 } from './1763777300000-Projects';
import { InvitationTokensOutOfStorage1763777400000 } from './1763777400000-InvitationTokensOutOfStorage';
import { CaseworkPrivacy1763777900000 } from './1763777900000-CaseworkPrivacy';
import { ListIndexes1763778600000 } from './1763778600000-ListIndexes';
import { ProjectEarlyTermination1764001200000 } from './1764001200000-ProjectEarlyTermination';
import { CaseworkTeamListIndexes1764002400000 } from './1764002400000-CaseworkTeamListIndexes';
import { TrancheListIndexes1764003700000 } from './1764003700000-TrancheListIndexes';
import { TrancheFrozenAt1764010000000 } from './1764010000000-TrancheFrozenAt';

/** Every migration in order. Listed explicitly so the CLI, the test harness and the bench load the same set. */
export const MIGRATIONS = [Foundation1763776800000, OrganisationRegistry1763776900000, Ledger1763777000000, Casework1763777100000, VentureCalls1763777200000, Projects1763777300000, InvitationTokensOutOfStorage1763777400000, CaseworkPrivacy1763777900000, ListIndexes1763778600000, ProjectEarlyTermination1764001200000, CaseworkTeamListIndexes1764002400000, TrancheListIndexes1764003700000, TrancheFrozenAt1764010000000];
