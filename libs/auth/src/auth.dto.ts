import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, Matches, MaxLength, MinLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ description: '手机号或电子邮箱 / mobile phone or e-mail', example: '13800000001' })
  @IsString() @Length(3, 254)
  login: string;

  @ApiProperty({ example: 'Sanshe@2026' })
  @IsString() @MinLength(1) @MaxLength(128)
  password: string;
}

export class RefreshDto {
  @ApiPropertyOptional({ description: '正文模式必填；Cookie 模式（X-Session-Mode: cookie）从 Cookie 读取 / required unless the cookie mode supplies it' })
  @IsOptional() @IsString() @Length(40, 200)
  refreshToken?: string;
}

export class ChooseDistrictDto {
  @ApiProperty({ description: '区县行政区划代码 / 6-digit district code', example: '510107' })
  @IsString() @Matches(/^[0-9]{6}$/)
  districtCode: string;
}

export class ChangePasswordDto {
  @ApiProperty()
  @IsString() @MinLength(1) @MaxLength(128)
  currentPassword: string;

  @ApiProperty({ description: '至少 10 位，含字母和数字 / at least 10 characters with letters and digits' })
  @IsString() @MinLength(1) @MaxLength(128)
  newPassword: string;
}
