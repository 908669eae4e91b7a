import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsNumber, IsOptional, IsString, IsUUID, Length, MaxLength, Min, ValidateNested } from 'class-validator';

export class PanelDto {
  @ApiProperty({ type: [String], description: 'membership ids of reviewers' }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(100) @IsUUID('all', { each: true }) membershipIds: string[];
}

export class CriterionScoreDto {
  @ApiProperty({ example: 'need' }) @IsString() @Length(1, 20) code: string;
  @ApiProperty({ example: 8 }) @IsNumber() score: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) comment?: string;
}

export class ScoresDto {
  @ApiProperty({ type: [CriterionScoreDto] }) @IsArray() @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => CriterionScoreDto) scores: CriterionScoreDto[];
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(5000) comment?: string;
  @ApiProperty() @IsInt() @Min(1) version: number;
}

export class ReviewVersionDto {
  @ApiProperty() @IsInt() @Min(1) version: number;
}

export class ConflictDto {
  @ApiProperty({ example: '曾在该机构兼职' }) @IsString() @Length(2, 500) reason: string;
}
