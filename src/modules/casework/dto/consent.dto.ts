import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsIn, IsOptional, IsString, Length } from 'class-validator';
import { IsRealDay } from '@sanshe/common';
import { SHAREABLE_FIELDS } from '../casework-fields';

export const CONSENT_PURPOSES = ['service', 'funder_aggregate', 'referral'] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

export class RecordConsentDto {
  @ApiProperty({ enum: CONSENT_PURPOSES, description: 'service 接受服务 / funder_aggregate 向资助方提供汇总数据 / referral 转介' })
  @IsIn(CONSENT_PURPOSES) purpose: ConsentPurpose;
  @ApiProperty({ example: '2026版', description: '同意书版本 / consent form version' }) @IsString() @Length(1, 30) formVersion: string;
  @ApiProperty({ example: '2026-03-01' }) @IsRealDay() givenOn: string;
  @ApiProperty({ enum: ['self', 'guardian'], description: '本人或监护人（未满14周岁须监护人）' }) @IsIn(['self', 'guardian']) givenBy: 'self' | 'guardian';
  @ApiPropertyOptional({ description: '监护人签署时填写姓名 / guardian\'s name when the guardian signs' })
  @IsOptional() @IsString() @Length(1, 50) giverName?: string;
  @ApiPropertyOptional({ enum: SHAREABLE_FIELDS, isArray: true, description: '转介时同意共享的信息 / what a referral may share' })
  @IsOptional() @IsIn(SHAREABLE_FIELDS, { each: true }) @ArrayUnique() @ArrayMaxSize(SHAREABLE_FIELDS.length) scope?: string[];
}

export class WithdrawConsentDto {
  @ApiProperty({ example: '服务对象表示不再同意转介' }) @IsString() @Length(2, 200) reason: string;
}
