import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { IsFen } from '@sanshe/common';

export class AppropriationDto {
  @ApiProperty({ example: '50000000', description: '金额（分）/ amount in fen' })
  // Appropriating nothing is a mistake, not a record.
  @IsFen({ min: 1n }) amountFen: string;

  @ApiProperty({ example: '武财社〔2026〕12号', description: '拨款文号 / the appropriation document' })
  @IsString() @Length(1, 60) documentNo: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) memo?: string;
}
