import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsISO8601, IsNumber, IsObject, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min,
} from 'class-validator';
import { IsFen, IsRealDay, PageQuery } from '@sanshe/common';
import { SERVICE_AREA_CODES } from '../../organisations/service-areas';
import { CallEligibility, CallForm, Rubric, TranchePlanItem } from './call-settings.schema';

export class CallDraftDto {
  @ApiProperty({ example: '2026年武侯区社区公益创投大赛' }) @IsString() @Length(2, 100) title: string;
  @ApiProperty({ example: '一老一小' }) @IsString() @Length(1, 100) theme: string;
  @ApiProperty() @IsString() @MaxLength(10000) description: string;
  @ApiProperty({ example: '200000000' }) @IsFen() fundPoolFen: string;
  @ApiProperty({ example: '5000000' }) @IsFen() minAmountFen: string;
  @ApiProperty({ example: '20000000' }) @IsFen() maxAmountFen: string;
  @ApiProperty({ example: 20, description: 'co-funding the organisation must add, as a percentage of the amount requested' })
  @IsInt() @Min(0) @Max(100) coFundingPercent: number;
  @ApiProperty({ example: ['elderly'] }) @IsArray() @ArrayMaxSize(13) @IsIn(SERVICE_AREA_CODES, { each: true }) serviceAreas: string[];
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(500) @IsUUID('all', { each: true }) communityIds?: string[];
  @ApiPropertyOptional({ type: () => CallEligibility, example: { minGrade: 3, minYearsRegistered: 1, qualifiedServiceArea: 'elderly' } }) @IsOptional() @IsObject() eligibility?: Record<string, unknown>;
  @ApiProperty({ type: () => CallForm }) @IsObject() form: Record<string, unknown>;
  @ApiProperty({ type: () => Rubric, description: 'weights add up to 100' }) @IsObject() rubric: Record<string, unknown>;
  @ApiProperty({ example: 5 }) @IsInt() @Min(1) @Max(15) reviewersPerApplication: number;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() blindReview?: boolean;
  @ApiPropertyOptional({ description: 'z-score normalise each reviewer before aggregating' }) @IsOptional() @IsBoolean() normaliseScores?: boolean;
  @ApiPropertyOptional({ example: 60 }) @IsOptional() @IsNumber() @Min(0) @Max(100) minScoreToFund?: number;
  @ApiPropertyOptional({ example: 1 }) @IsOptional() @IsInt() @Min(1) @Max(100) applicationsPerOrganisation?: number;
  @ApiProperty({ example: 5 }) @IsInt() @Min(1) @Max(30) noticeWorkingDays: number;
  @ApiPropertyOptional({ type: () => [TranchePlanItem], description: 'defaults to 50/30/20' }) @IsOptional() @IsArray() tranchePlan?: unknown[];
  @ApiProperty({ example: '2026-07-01' }) @IsRealDay() projectStartsOn: string;
  @ApiProperty({ example: '2027-06-30' }) @IsRealDay() projectEndsOn: string;
  @ApiProperty() @IsISO8601({ strict: true }) opensAt: string;
  @ApiProperty() @IsISO8601({ strict: true }) closesAt: string;
  @ApiProperty() @IsISO8601({ strict: true }) reviewBy: string;
  @ApiProperty({ description: 'planned first day of the public notice' }) @IsRealDay() noticeOn: string;
  @ApiProperty({ description: 'planned award date' }) @IsRealDay() awardBy: string;
}

export class UpdateCallDto extends PartialType(CallDraftDto) {
  @ApiProperty() @IsInt() @Min(1) version: number;
}

export class CallVersionDto {
  @ApiProperty() @IsInt() @Min(1) version: number;
}

export class CancelCallDto extends CallVersionDto {
  @ApiProperty() @IsString() @Length(2, 500) reason: string;
}

export class ListCallsQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @IsIn(['draft', 'published', 'closed', 'reviewing', 'notice', 'awarded', 'cancelled']) status?: string;
  @ApiPropertyOptional({ description: '标题包含（不区分大小写）/ title contains, case-insensitive' }) @IsOptional() @IsString() @Length(1, 100) q?: string;
}

export class HolidayDto {
  @ApiProperty({ enum: ['holiday', 'workday'] }) @IsIn(['holiday', 'workday']) kind: 'holiday' | 'workday';
  @ApiProperty({ example: '国庆节' }) @IsString() @Length(1, 50) name: string;
}

export class HolidayYearQuery {
  @ApiProperty({ example: '2026', pattern: '^(20[0-9]{2}|2100)$', description: 'a year from 2000 to 2100' })
  @Matches(/^(20[0-9]{2}|2100)$/, { message: 'year must be a year from 2000 to 2100' }) year: string;
}
