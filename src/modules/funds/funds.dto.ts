import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';

/** Money is integer fen as a decimal string (JSON numbers lose precision beyond 2^53). */
export const FEN_PATTERN = /^[1-9][0-9]{0,14}$/;

export class AppropriationDto {
  @ApiProperty({ example: '50000000', description: '金额（分）/ amount in fen' })
  @IsString() @Matches(FEN_PATTERN, { message: 'amountFen must be a positive whole number of fen' }) amountFen: string;

  @ApiProperty({ example: '武财社〔2026〕12号', description: '拨款文号 / the appropriation document' })
  @IsString() @Length(1, 60) documentNo: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) memo?: string;
}
