import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsRealDay } from '@sanshe/common';

export class AggregatesQuery {
  @ApiPropertyOptional({ example: '2026-01-01' }) @IsOptional() @IsRealDay() from?: string;
  @ApiPropertyOptional({ example: '2026-12-31' }) @IsOptional() @IsRealDay() to?: string;
}

