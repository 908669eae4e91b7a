import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, MaxLength, Min } from 'class-validator';
import { IsFen, IsRealDay, PageQuery } from '@sanshe/common';

export class ListProjectsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['unfunded', 'active', 'closed'] }) @IsOptional() @IsIn(['unfunded', 'active', 'closed']) status?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() organisationId?: string;
  @ApiPropertyOptional({ description: '只看有逾期事项的项目 / only projects with something overdue' })
  @IsOptional() @Transform(({ value }) => value === true || value === 'true' || value === '1') @IsBoolean() overdue?: boolean;
  @ApiPropertyOptional({ description: '只看我负责的项目 / only projects I am the officer of' })
  @IsOptional() @Transform(({ value }) => value === true || value === 'true' || value === '1') @IsBoolean() mine?: boolean;
  @ApiPropertyOptional({ description: '项目名称或编号 / title or reference' }) @IsOptional() @IsString() @MaxLength(100) q?: string;
}

export class SignAgreementDto {
  @ApiProperty({ example: '2026-03-01', description: '协议签订日期' }) @IsRealDay() signedOn: string;
  @ApiProperty() @IsInt() @Min(1) version: number;
}

export class ProjectReasonDto {
  @ApiProperty({ example: '整改已完成，经复核同意解冻' }) @IsString() @Length(2, 1000) reason: string;
}


export class CloseProjectDto {
  @ApiPropertyOptional({ example: '120000', description: '组织退回的结余资金（分）；默认为已拨付减去已审核支出' })
  @IsOptional() @IsFen() refundFen?: string;
  @ApiProperty() @IsInt() @Min(1) version: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1000) note?: string;
  @ApiPropertyOptional({ example: '服务对象整体搬迁，项目无法继续执行', description: '提前终止的原因：执行期结束前结项时必填 / required to close before the end date' })
  @IsOptional() @IsString() @Length(2, 1000) earlyTerminationReason?: string;
}

export class ProjectSettingsDto {
  @ApiProperty({ example: 10, description: '预算调整超过该科目金额的百分比需审批' }) @IsInt() @Min(0) @Max(100) reallocationThresholdPercent: number;
  @ApiProperty({ example: 7, description: '报告到期前几天提醒' }) @IsInt() @Min(1) @Max(60) reminderDaysBefore: number;
  @ApiProperty() @IsInt() @Min(1) version: number;
}

/** Strict: anything but true/false/1/0 stays as sent, so `ready=maybe` is refused rather than read as false. */
const bool = ({ value }: { value: unknown }) =>
  value === true || value === 'true' || value === '1' ? true : value === false || value === 'false' || value === '0' ? false : value;

/** The finance officer's list of tranches across the district's projects. */
export class ListTranchesQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['open', 'pending', 'frozen', 'released', 'cancelled'], description: 'open = 待拨付（pending 或 frozen）' })
  @IsOptional() @IsIn(['open', 'pending', 'frozen', 'released', 'cancelled']) status?: string;
  @ApiPropertyOptional({ description: '只看现在可以拨付的 / only tranches whose conditions all hold now' })
  @IsOptional() @Transform(bool) @IsBoolean() ready?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsUUID() callId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() organisationId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() projectId?: string;
  @ApiPropertyOptional({ description: '项目名称或编号 / project title or reference' }) @IsOptional() @IsString() @MaxLength(100) q?: string;
}
