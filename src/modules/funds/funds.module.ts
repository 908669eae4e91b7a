import { Module } from '@nestjs/common';
import { FundsController } from './funds.controller';
import { ProgrammeFundService } from './programme-fund.service';

/**
 * The district's programme fund: fiscal appropriations in, reservations for awarded projects, tranche payments
 * out (through the projects module).
 */
@Module({
  controllers: [FundsController],
  providers: [ProgrammeFundService],
  exports: [ProgrammeFundService],
})
export class FundsModule {}
