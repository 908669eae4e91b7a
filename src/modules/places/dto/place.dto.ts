import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Min } from 'class-validator';
import { PageQuery } from '@sanshe/common';
import type { PlaceKind, PlaceLevel } from '../place.entity';

const CHILD_KINDS = ['street', 'town', 'township', 'community', 'village'] as const;

export class CreatePlaceDto {
  @ApiProperty({ description: '上级（区县或街道）/ parent place id' })
  @IsUUID() parentId: string;

  @ApiProperty({ enum: CHILD_KINDS, description: 'street 街道 / town 镇 / township 乡 / community 社区 / village 村' })
  @IsIn(CHILD_KINDS) kind: Exclude<PlaceKind, 'district'>;

  @ApiProperty({ example: '晋阳社区' })
  @IsString() @Length(1, 50) name: string;

  @ApiPropertyOptional({ description: '统计用区划代码（9 或 12 位）/ statistical division code', example: '510107012' })
  @IsOptional() @Matches(/^[0-9]{6,12}$/) divisionCode?: string;
}

export class UpdatePlaceDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 50) name?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(/^[0-9]{6,12}$/) divisionCode?: string;
  @ApiProperty({ description: '读取时的版本号 / the version you read' }) @IsInt() @Min(1) version: number;
}

// One VersionDto for the whole API (a second class of that name would replace it in the OpenAPI document).
import { VersionDto } from '@sanshe/common';
export { VersionDto };

export class ListPlacesQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['district', 'street', 'community'] })
  @IsOptional() @IsIn(['district', 'street', 'community']) level?: PlaceLevel;

  @ApiPropertyOptional() @IsOptional() @IsUUID() parentId?: string;

  @ApiPropertyOptional({ description: '名称包含 / name contains' })
  @IsOptional() @IsString() @Length(1, 50) q?: string;

  @ApiPropertyOptional({ enum: ['active', 'archived'], default: 'active' })
  @IsOptional() @IsIn(['active', 'archived']) status?: 'active' | 'archived';
}

export class PlaceIdParam {
  @IsUUID() id: string;
}

