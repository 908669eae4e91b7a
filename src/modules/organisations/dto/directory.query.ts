import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { ORGANISATION_TYPE_CODES, type OrganisationType, SERVICE_AREA_CODES, type ServiceArea } from '../service-areas';

/** Filters of the public directory of qualified organisations. */
export class DirectoryQuery {
  @ApiPropertyOptional({ description: '名称或信用代码包含' }) @IsOptional() @IsString() @Length(1, 100) q?: string;
  @ApiPropertyOptional({ enum: SERVICE_AREA_CODES }) @IsOptional() @IsIn(SERVICE_AREA_CODES) serviceArea?: ServiceArea;
  @ApiPropertyOptional({ enum: ORGANISATION_TYPE_CODES }) @IsOptional() @IsIn(ORGANISATION_TYPE_CODES) orgType?: OrganisationType;
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 200) cursor?: string;
}
