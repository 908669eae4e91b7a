import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/* Response bodies of this controller's operations, as documented in the OpenAPI contract. */

export class FundsSummaryResponse {
  @ApiProperty({ type: String, format: 'uuid' }) accountId: string;
  @ApiProperty({ type: String, description: 'integer fen as a decimal string', example: "12000000" }) balanceFen: string;
  @ApiProperty({ type: String, description: 'integer fen as a decimal string', example: "0" }) reservedFen: string;
  @ApiProperty({ type: String, description: 'integer fen as a decimal string', example: "12000000" }) availableFen: string;
  @ApiProperty({ type: String, description: 'integer fen as a decimal string', example: "12000000" }) appropriatedFen: string;
}


export class FundsAppropriateResponse {
  @ApiProperty({ type: String, format: 'uuid' }) appropriationId: string;
  @ApiProperty({ type: String, format: 'uuid' }) entryId: string;
  @ApiProperty({ type: String, description: 'integer fen as a decimal string', example: "12000000" }) amountFen: string;
  @ApiProperty({ type: String, example: "武财社〔2026〕34号" }) documentNo: string;
  @ApiProperty({ type: () => FundsSummaryResponse }) fund: FundsSummaryResponse;
}
