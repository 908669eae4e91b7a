import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayUnique, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, MaxLength, Min, ValidateNested,
} from 'class-validator';
import { IsRealDay, PageQuery } from '@sanshe/common';
import { REVEALABLE_FIELDS, VULNERABILITY_TAG_CODES } from '../casework-fields';

export class GuardianDto {
  @ApiProperty({ example: '李芳' }) @IsString() @Length(1, 50) name: string;
  @ApiProperty({ example: '母亲', description: '与服务对象关系 / relation' }) @IsString() @Length(1, 20) relation: string;
  @ApiPropertyOptional({ example: '13800138000' }) @IsOptional() @IsString() @MaxLength(20) phone?: string;
}

export class RegisterBeneficiaryDto {
  @ApiProperty({ example: '王小明' }) @IsString() @Length(1, 50) name: string;
  @ApiProperty({ example: '510107201505120013', description: '18位居民身份证号码 / resident ID number' })
  @IsString() @MaxLength(30) idNumber: string;
  @ApiPropertyOptional({ enum: ['male', 'female'], description: '如填写须与身份证号一致 / must match the ID number' })
  @IsOptional() @IsIn(['male', 'female']) gender?: 'male' | 'female';
  @ApiPropertyOptional({ example: '2015-05-12', description: '如填写须与身份证号一致' }) @IsOptional() @IsRealDay() birthDate?: string;
  @ApiPropertyOptional({ example: '13800138000' }) @IsOptional() @IsString() @MaxLength(20) phone?: string;
  @ApiPropertyOptional({ example: '晋阳路 88 号 3 栋 2 单元' }) @IsOptional() @IsString() @MaxLength(200) address?: string;
  @ApiPropertyOptional({ description: '所在社区 / community' }) @IsOptional() @IsUUID() communityId?: string;
  @ApiPropertyOptional({ description: '家庭情况 / household situation' }) @IsOptional() @IsString() @MaxLength(2000) household?: string;
  @ApiPropertyOptional({ enum: VULNERABILITY_TAG_CODES, isArray: true })
  @IsOptional() @IsIn(VULNERABILITY_TAG_CODES, { each: true }) @ArrayUnique() @ArrayMaxSize(13) vulnerabilityTags?: string[];
  @ApiPropertyOptional({ description: '困境/健康情况说明 / vulnerability and health details' }) @IsOptional() @IsString() @MaxLength(2000) vulnerabilityNotes?: string;
  @ApiPropertyOptional({ type: GuardianDto, description: '未成年人须填写 / required for minors' })
  @IsOptional() @ValidateNested() @Type(() => GuardianDto) guardian?: GuardianDto;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) notes?: string;
}

export class UpdateBeneficiaryDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 50) name?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(20) phone?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) address?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() communityId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) household?: string;
  @ApiPropertyOptional({ enum: VULNERABILITY_TAG_CODES, isArray: true })
  @IsOptional() @IsIn(VULNERABILITY_TAG_CODES, { each: true }) @ArrayUnique() @ArrayMaxSize(13) vulnerabilityTags?: string[];
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) vulnerabilityNotes?: string;
  @ApiPropertyOptional({ type: GuardianDto }) @IsOptional() @ValidateNested() @Type(() => GuardianDto) guardian?: GuardianDto;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) notes?: string;
  @ApiProperty() @IsInt() @Min(1) version: number;
}

export class LookupBeneficiaryDto {
  @ApiProperty({ description: '身份证号码（用 POST 以免出现在网址和日志中）/ ID number (POST keeps it out of URLs and logs)' })
  @IsString() @MaxLength(30) idNumber: string;
}

export class RevealDto {
  @ApiProperty({ enum: REVEALABLE_FIELDS }) @IsIn(REVEALABLE_FIELDS) field: (typeof REVEALABLE_FIELDS)[number];
  @ApiProperty({ example: '需电话联系服务对象安排家访', description: '查看理由（记入访问日志）/ reason, written to the access log' })
  @IsString() @Length(4, 200) reason: string;
}

export class ListBeneficiariesQuery extends PageQuery {
  @ApiPropertyOptional({ description: '姓名包含（在可见范围内解密后匹配）/ name contains (matched on the decrypted visible set)' }) @IsOptional() @IsString() @Length(1, 50) q?: string;
  @ApiPropertyOptional({ description: '姓名完全一致（盲索引）/ exact full name (blind index)' }) @IsOptional() @IsString() @Length(1, 50) name?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() communityId?: string;
}

export class AccessLogQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID() beneficiaryId?: string;
  @ApiPropertyOptional({ enum: ['reveal', 'view'] }) @IsOptional() @IsIn(['reveal', 'view']) action?: string;
}
