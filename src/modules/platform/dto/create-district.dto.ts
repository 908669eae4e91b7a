import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsEmail, IsOptional, IsString, Length, MaxLength, ValidateNested } from 'class-validator';

export class FirstAdminDto {
  @ApiProperty({ example: '王建国' }) @IsString() @Length(1, 50) name: string;
  @ApiPropertyOptional({ example: '13800000001' }) @IsOptional() @IsString() @MaxLength(20) phone?: string;
  @ApiPropertyOptional({ example: 'admin@mzj.example.cn' }) @IsOptional() @IsEmail() @MaxLength(254) email?: string;
}

export class CreateDistrictDto {
  @ApiProperty({ description: 'GB/T 2260 区县行政区划代码 / 6-digit county-level division code', example: '510107' })
  @IsString() @Length(1, 10) code: string;

  @ApiProperty({ example: '武侯区' }) @IsString() @Length(1, 50) name: string;
  @ApiPropertyOptional({ example: '四川省' }) @IsOptional() @IsString() @MaxLength(50) province?: string;
  @ApiPropertyOptional({ example: '成都市' }) @IsOptional() @IsString() @MaxLength(50) city?: string;

  @ApiProperty({ type: FirstAdminDto, description: '首位区级管理员 / the first district admin' })
  @ValidateNested() @Type(() => FirstAdminDto) firstAdmin: FirstAdminDto;
}
