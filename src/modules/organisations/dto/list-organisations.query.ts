import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageQuery } from '@sanshe/common';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { ORGANISATION_TYPE_CODES, type OrganisationType, SERVICE_AREA_CODES, type ServiceArea } from '../service-areas';

export const STATUSES = ['draft', 'submitted', 'verified', 'returned', 'closed'] as const;
export const STANDINGS = ['good', 'suspended', 'blacklisted'] as const;

/** The registry's filters, shared by the list and the Excel export. */
export class OrganisationFilters {
  @ApiPropertyOptional({ description: '名称或信用代码包含 / name or credit code contains' })
  @IsOptional() @IsString() @Length(1, 100) q?: string;

  @ApiPropertyOptional({ enum: ORGANISATION_TYPE_CODES }) @IsOptional() @IsIn(ORGANISATION_TYPE_CODES) orgType?: OrganisationType;

  @ApiPropertyOptional({ minimum: 1, maximum: 5, description: '当前有效的评估等级 / currently valid grade' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(5) grade?: number;

  @ApiPropertyOptional({ enum: SERVICE_AREA_CODES }) @IsOptional() @IsIn(SERVICE_AREA_CODES) serviceArea?: ServiceArea;

  @ApiPropertyOptional({ description: '社区，或街道（含其下社区）/ a community, or a street and its communities' })
  @IsOptional() @IsUUID() placeId?: string;

  @ApiPropertyOptional({ enum: STATUSES }) @IsOptional() @IsIn(STATUSES) status?: (typeof STATUSES)[number];

  @ApiPropertyOptional({ enum: STANDINGS }) @IsOptional() @IsIn(STANDINGS) standing?: (typeof STANDINGS)[number];

  @ApiPropertyOptional({ enum: ['true', 'false'], description: '是否持有有效承接资质 / holds a qualification in force' })
  @IsOptional() @IsIn(['true', 'false']) qualified?: 'true' | 'false';
}

/** The filters plus paging (the same bounds as PageQuery). */
export class ListOrganisationsQuery extends OrganisationFilters {
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;

  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 200) cursor?: string;
}

/** An organisation's people, searched on the server (the co-editor picker types a name rather than loading everyone). */
export class OrganisationMembersQuery extends PageQuery {
  @ApiPropertyOptional({ description: '姓名包含（可见联系方式者也可按手机、邮箱）/ name contains (phone or e-mail too for those who see contacts)' })
  @IsOptional() @IsString() @Length(1, 50) q?: string;
}
