import { ApiFenProperty } from '@sanshe/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/* Response bodies of this controller's operations, as documented in the OpenAPI contract. */

export class FundsSummaryResponse {
  @ApiProperty({ type: String, format: 'uuid' }) accountId: string;
  @ApiFenProperty({ example: '12000000' }) balanceFen: string;
  @ApiFenProperty({ example: '0' }) reservedFen: string;
  @ApiFenProperty({ example: '12000000' }) availableFen: string;
  @ApiFenProperty({ example: '12000000' }) appropriatedFen: string;
}


export class FundsAppropriateResponse {
  @ApiProperty({ type: String, format: 'uuid' }) appropriationId: string;
  @ApiProperty({ type: String, format: 'uuid' }) entryId: string;
  @ApiFenProperty({ example: '12000000' }) amountFen: string;
  @ApiProperty({ type: String, example: "武财社〔2026〕34号" }) documentNo: string;
  @ApiProperty({ type: () => FundsSummaryResponse }) fund: FundsSummaryResponse;
}

export class LedgerCauseView {
  @ApiProperty({ type: String, example: 'tranche' }) type: string;
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
}

/** One movement on the programme fund, newest first, with the balance after it. */
export class FundStatementLine {
  @ApiProperty({ type: String, format: 'uuid' }) postingId: string;
  @ApiProperty({ type: String, format: 'uuid' }) entryId: string;
  @ApiProperty({ type: String, example: 'appropriation-2026-01' }) transferId: string;
  @ApiProperty({ type: String, enum: ['transfer', 'reservation_post', 'reversal'] }) kind: string;
  @ApiFenProperty({ example: '-18000000', signed: true }) amountFen: string;
  @ApiFenProperty({ example: '182000000' }) balanceAfterFen: string;
  @ApiProperty({ type: String, format: 'uuid' }) counterpartyAccountId: string;
  @ApiProperty({ type: String, example: '首期拨付' }) reason: string;
  @ApiProperty({ type: () => LedgerCauseView, nullable: true }) cause: LedgerCauseView | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'the entry this one reverses' }) reversalOf: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
}
