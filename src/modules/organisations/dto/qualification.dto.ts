import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsIn, IsInt, IsOptional, IsString, Length, Max, MaxLength, Min } from 'class-validator';
import { IsRealDay } from '@sanshe/common';
import { SERVICE_AREA_CODES, type ServiceArea } from '../service-areas';
import { VersionDto } from './organisation.dto';

export class ApplyQualificationDto {
  @ApiProperty({ enum: SERVICE_AREA_CODES, isArray: true, description: '申请承接的服务领域' })
  @IsIn(SERVICE_AREA_CODES, { each: true }) @ArrayMinSize(1) @ArrayMaxSize(13) @ArrayUnique() serviceAreas: ServiceArea[];

  @ApiPropertyOptional({ description: '申请说明（服务能力、过往项目等）' })
  @IsOptional() @IsString() @MaxLength(2000) statement?: string;
}

export class ApproveQualificationDto extends VersionDto {
  @ApiPropertyOptional({ example: '2026-01-01', description: '生效日期（默认今天）' }) @IsOptional() @IsRealDay() validFrom?: string;
  @ApiPropertyOptional({ example: '2028-12-31', description: '到期日期（不填为长期有效）' }) @IsOptional() @IsRealDay() validUntil?: string;

  @ApiPropertyOptional({ enum: SERVICE_AREA_CODES, isArray: true, description: '批准的领域（默认为全部申请领域）' })
  @IsOptional() @IsIn(SERVICE_AREA_CODES, { each: true }) @ArrayMinSize(1) @ArrayUnique() serviceAreas?: ServiceArea[];

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1000) note?: string;
}

export class ExpireQualificationDto extends VersionDto {
  @ApiProperty({ example: '2026-06-30', description: '到期日期（含当日）' }) @IsRealDay() on: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(2, 1000) reason?: string;
}

export class ListQualificationsQuery {
  @ApiPropertyOptional({ enum: ['applied', 'approved', 'rejected', 'withdrawn', 'revoked'] })
  @IsOptional() @IsIn(['applied', 'approved', 'rejected', 'withdrawn', 'revoked']) status?: string;

  @ApiPropertyOptional({ enum: SERVICE_AREA_CODES }) @IsOptional() @IsIn(SERVICE_AREA_CODES) serviceArea?: ServiceArea;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;

  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 200) cursor?: string;
}
