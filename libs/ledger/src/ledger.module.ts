import { Global, Module } from '@nestjs/common';
import { LedgerService } from './ledger.service';

/** The ledger: every fen the platform moves goes through LedgerService, inside the caller's district transaction. */
@Global()
@Module({ providers: [LedgerService], exports: [LedgerService] })
export class LedgerModule {}
