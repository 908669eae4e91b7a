import { Module } from '@nestjs/common';
import { FundsController } from './funds.controller';
import { ProgrammeFundService } from './programme-fund.service';
import { RequestIdempotency } from './request-idempotency.service';

/**
 * The district's programme fund: fiscal appropriations in, reservations for awarded projects, tranche payments
 * out (through the projects module). Exports the accounts and the Idempotency-Key helper.
 */
@Module({
  controllers: [FundsController],
  providers: [ProgrammeFundService, RequestIdempotency],
  exports: [ProgrammeFundService, RequestIdempotency],
})
export class FundsModule {}
