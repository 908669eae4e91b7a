import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsEmail, IsEnum, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, MaxLength, Min, MinLength } from 'class-validator';
import { PageQuery, Role } from '@sanshe/common';

export class InviteMemberDto {
  @ApiProperty({ example: '李晓梅' }) @IsString() @Length(1, 50) name: string;

  @ApiPropertyOptional({ example: '13800000011', description: '手机号与邮箱至少填一项 / phone or e-mail, at least one' })
  @IsOptional() @IsString() @MaxLength(20) phone?: string;

  @ApiPropertyOptional({ example: 'li.xiaomei@example.cn' })
  @IsOptional() @IsEmail() @MaxLength(254) email?: string;

  @ApiProperty({ enum: Role, isArray: true })
  @IsEnum(Role, { each: true }) @ArrayMinSize(1) @ArrayMaxSize(11) @ArrayUnique() roles: Role[];

  @ApiPropertyOptional({ description: '社区工作者所在社区 / community of community staff' })
  @IsOptional() @IsUUID() placeId?: string;

  @ApiPropertyOptional({ description: '社会组织角色所属组织 / organisation for organisation roles' })
  @IsOptional() @IsUUID() organisationId?: string;

  @ApiPropertyOptional({ example: '科长' }) @IsOptional() @IsString() @MaxLength(50) title?: string;
}

export class ChangeRolesDto {
  @ApiProperty({ enum: Role, isArray: true })
  @IsEnum(Role, { each: true }) @ArrayMinSize(1) @ArrayMaxSize(11) @ArrayUnique() roles: Role[];

  @ApiPropertyOptional() @IsOptional() @IsUUID() placeId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() organisationId?: string;
  @ApiProperty() @IsInt() @Min(1) version: number;
}

export class SuspendMemberDto {
  @ApiProperty({ example: '已调离岗位' }) @IsString() @Length(2, 200) reason: string;
  @ApiProperty() @IsInt() @Min(1) version: number;
}

export class ReactivateMemberDto {
  @ApiProperty() @IsInt() @Min(1) version: number;
}

export class ListMembersQuery extends PageQuery {
  @ApiPropertyOptional({ enum: Role }) @IsOptional() @IsEnum(Role) role?: Role;
  @ApiPropertyOptional({ enum: ['invited', 'active', 'suspended'] }) @IsOptional() @IsIn(['invited', 'active', 'suspended']) status?: string;
  @ApiPropertyOptional({ description: '姓名、手机或邮箱包含 / name, phone or e-mail contains' }) @IsOptional() @IsString() @Length(1, 50) q?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() placeId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() organisationId?: string;
}

export class AcceptInvitationDto {
  @ApiProperty({ description: '邀请链接中的令牌 / token from the invitation link' })
  @IsString() @Length(40, 300) token: string;

  @ApiPropertyOptional({ description: '首次加入时设置密码 / password, when the account has none yet' })
  @IsOptional() @IsString() @MinLength(1) @MaxLength(128) password?: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 50) name?: string;
}
