import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayUnique, IsEmail, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, MaxLength, Min, ValidateNested,
} from 'class-validator';
import { IsRealDay } from '@sanshe/common';
import { ORGANISATION_TYPE_CODES, type OrganisationType, SERVICE_AREA_CODES, type ServiceArea } from '../service-areas';

/**
 * The facts on the registration certificate plus the profile an organisation keeps up to date itself — never its
 * status, standing or grade, which only the district sets.
 */
export class RegisterOrganisationDto {
  @ApiProperty({ example: '成都市武侯区某某社会工作服务中心' })
  @IsString() @Length(2, 100) name: string;

  @ApiProperty({ example: '52510107MJ0000001B', description: '统一社会信用代码 (GB 32100-2015)' })
  @IsString() @MaxLength(40) creditCode: string;

  @ApiProperty({ enum: ORGANISATION_TYPE_CODES, description: '社会团体 / 社会服务机构 / 基金会' })
  @IsIn(ORGANISATION_TYPE_CODES) orgType: OrganisationType;

  @ApiProperty({ example: '成都市武侯区民政局', description: '登记管理机关' })
  @IsString() @Length(2, 100) registrationAuthority: string;

  @ApiProperty({ example: '2016-05-20', description: '成立登记日期' })
  @IsRealDay() registeredOn: string;

  @ApiProperty({ example: '刘某某', description: '法定代表人' })
  @IsString() @Length(1, 50) legalRepresentative: string;

  @ApiPropertyOptional({ example: '武侯区晋阳路 1 号' })
  @IsOptional() @IsString() @MaxLength(200) address?: string;

  @ApiPropertyOptional({ description: '所在社区 / community' })
  @IsOptional() @IsUUID() placeId?: string;

  @ApiPropertyOptional({ enum: SERVICE_AREA_CODES, isArray: true, description: '服务领域' })
  @IsOptional() @IsIn(SERVICE_AREA_CODES, { each: true }) @ArrayUnique() @ArrayMaxSize(13) serviceAreas?: ServiceArea[];

  @ApiPropertyOptional({ description: '机构简介' })
  @IsOptional() @IsString() @MaxLength(2000) introduction?: string;

  @ApiPropertyOptional({ example: '孙干事' })
  @IsOptional() @IsString() @Length(1, 50) contactName?: string;

  @ApiPropertyOptional({ example: '028-85001234', description: '手机或固定电话' })
  @IsOptional() @IsString() @MaxLength(30) contactPhone?: string;

  @ApiPropertyOptional() @IsOptional() @IsEmail() @MaxLength(254) contactEmail?: string;

  @ApiPropertyOptional({ description: '开户名称' })
  @IsOptional() @IsString() @Length(2, 100) bankAccountName?: string;

  @ApiPropertyOptional({ description: '开户银行' })
  @IsOptional() @IsString() @Length(2, 100) bankName?: string;

  @ApiPropertyOptional({ description: '银行账号（数字，可带空格）' })
  @IsOptional() @IsString() @MaxLength(40) bankAccountNo?: string;

  @ApiPropertyOptional({ description: '专职工作人员数' })
  @IsOptional() @IsInt() @Min(0) @Max(100000) staffCount?: number;

  @ApiPropertyOptional({ description: '持证社会工作者数' })
  @IsOptional() @IsInt() @Min(0) @Max(100000) certifiedSocialWorkers?: number;
}

export class ContactPersonDto {
  @ApiProperty({ example: '刘理事长' }) @IsString() @Length(1, 50) name: string;
  @ApiPropertyOptional({ example: '13800510107' }) @IsOptional() @IsString() @MaxLength(20) phone?: string;
  @ApiPropertyOptional() @IsOptional() @IsEmail() @MaxLength(254) email?: string;
}

export class ApplicantDto {
  @ApiProperty({ example: '刘理事长' }) @IsString() @Length(1, 50) name: string;
  @ApiProperty({ example: '13800510107', description: '申请人手机号，邀请将发送到此号码' }) @IsString() @MaxLength(20) phone: string;
  @ApiPropertyOptional() @IsOptional() @IsEmail() @MaxLength(254) email?: string;
}

/** Public self-registration: the organisation's facts and the person who will administer it. */
export class PublicRegistrationDto extends RegisterOrganisationDto {
  @ApiProperty({ type: ApplicantDto }) @ValidateNested() @Type(() => ApplicantDto) applicant: ApplicantDto;
}

/** A district official registering on an organisation's behalf, optionally inviting its admin. */
export class CreateOrganisationDto extends RegisterOrganisationDto {
  @ApiPropertyOptional({ type: ContactPersonDto, description: '同时邀请该组织的管理员' })
  @IsOptional() @ValidateNested() @Type(() => ContactPersonDto) admin?: ContactPersonDto;
}

/** Any subset of the fields; the version read guards against overwriting someone else's change. */
export class UpdateOrganisationDto extends PartialType(RegisterOrganisationDto) {
  @ApiProperty({ description: '读取时的版本号 / the version you read' }) @IsInt() @Min(1) version: number;
}

// One VersionDto for the whole API (a second class of that name would replace it in the OpenAPI document).
import { VersionDto } from '@sanshe/common';
export { VersionDto };

export class VerifyDto extends VersionDto {
  @ApiPropertyOptional({ description: '核验意见' }) @IsOptional() @IsString() @MaxLength(500) note?: string;
}

export class VersionReasonDto extends VersionDto {
  @ApiProperty({ example: '登记证书扫描件不清晰，请重新上传', description: '理由（组织可见）' })
  @IsString() @Length(2, 1000) reason: string;
}

export class RecordGradeDto extends VersionDto {
  @ApiProperty({ minimum: 1, maximum: 5, description: '评估等级 1-5 (1A-5A)' }) @IsInt() @Min(1) @Max(5) grade: number;
  @ApiProperty({ example: '2025-01-01' }) @IsRealDay() validFrom: string;
  @ApiProperty({ example: '2029-12-31' }) @IsRealDay() validUntil: string;
  @ApiPropertyOptional({ description: '评估机构或文号' }) @IsOptional() @IsString() @MaxLength(200) note?: string;
}

export class InviteStaffDto extends ContactPersonDto {
  @ApiProperty({ enum: ['org_admin', 'org_staff', 'social_worker', 'supervisor'], isArray: true })
  @IsIn(['org_admin', 'org_staff', 'social_worker', 'supervisor'], { each: true }) @ArrayUnique() @ArrayMaxSize(4) roles: string[];

  @ApiPropertyOptional({ example: '项目主管' }) @IsOptional() @IsString() @MaxLength(50) title?: string;
}
