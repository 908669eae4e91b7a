import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsString, IsUUID, Length, Matches, MaxLength, Min, ValidateNested } from 'class-validator';
import { IsFen } from '@sanshe/common';

export class SelectionItemDto {
  @ApiProperty() @IsUUID() applicationId: string;
  @ApiProperty({ example: '15000000' }) @IsFen() amountFen: string;
  @ApiPropertyOptional({ description: 'required when the amount differs from the request' }) @IsOptional() @IsString() @Length(2, 500) reason?: string;
}

export class SelectionDto {
  @ApiProperty({ type: [SelectionItemDto] }) @IsArray() @ArrayMaxSize(500) @ValidateNested({ each: true }) @Type(() => SelectionItemDto) items: SelectionItemDto[];
  @ApiPropertyOptional({ description: 'required when the set differs from the system\'s proposal' }) @IsOptional() @IsString() @Length(2, 1000) reason?: string;
  @ApiProperty() @IsInt() @Min(1) version: number;
}

export class ObjectionDto {
  @ApiProperty({ example: '张先生' }) @IsString() @Length(1, 50) name: string;
  @ApiProperty({ example: '13800000000' }) @IsString() @Length(5, 100) contact: string;
  @ApiProperty() @IsString() @Length(5, 2000) content: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() applicationId?: string;
}

export class ObjectionReceiptQuery {
  @ApiProperty({ description: '提交异议时返回的回执码 / the receipt code returned when filing' }) @IsString() @Length(20, 100) receipt: string;
}

export class AnswerObjectionDto {
  @ApiProperty() @IsString() @Length(2, 2000) answer: string;
}

export class OutcomeVersionDto {
  @ApiProperty() @IsInt() @Min(1) version: number;
}

export class AcceptAgreementDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) note?: string;
}
