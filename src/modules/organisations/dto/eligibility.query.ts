import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { IsRealDay } from '@sanshe/common';
import { SERVICE_AREA_CODES, type ServiceArea } from '../service-areas';

/** "Am I eligible for …?" asked over HTTP (other modules call OrganisationEligibilityService directly). */
export class EligibilityQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 5 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(5) minGrade?: number;
  @ApiPropertyOptional({ minimum: 1, maximum: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(50) minYearsRegistered?: number;
  @ApiPropertyOptional({ enum: SERVICE_AREA_CODES }) @IsOptional() @IsIn(SERVICE_AREA_CODES) serviceArea?: ServiceArea;
  @ApiPropertyOptional({ enum: ['true', 'false'] }) @IsOptional() @IsIn(['true', 'false']) requireQualification?: 'true' | 'false';
  @ApiPropertyOptional({ example: '2026-06-30', description: '按哪一天判断（默认今天）' }) @IsOptional() @IsRealDay() at?: string;
}
