import { Module } from '@nestjs/common';
import { FundsController } from './funds.controller';
import { ProgrammeFundService } from './programme-fund.service';
import { IdempotencyService } from '@sanshe/tenancy/idempotency.service';

/**
 * The district's programme fund: fiscal appropriations in, reservations for awarded projects, tranche payments
 * out (through the projects module). Exports the accounts and the Idempotency-Key helper (libs/tenancy's IdempotencyService, provided here).
 */
@Module({
  controllers: [FundsController],
  providers: [ProgrammeFundService, IdempotencyService],
  exports: [ProgrammeFundService, IdempotencyService],
})
export class FundsModule {}
