import { Body, Controller, Get, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Actor, RateLimit } from '@sanshe/common';
import { CurrentActor, Public, SignedIn } from './access.decorators';
import { AuthService } from './auth.service';
import { ChangePasswordDto, ChooseDistrictDto, LoginDto, RefreshDto } from './auth.dto';
import { LocalAuthGuard } from './local-auth.guard';
import { MeService } from './me.service';
import { ApiContract, Returns } from './api-contract.decorator';
import { AuthDistrictResponse, AuthSessionResponse, MeResponse } from './auth.response';

@ApiContract()
@ApiTags('auth 登录')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
  ) {}

  @Returns(AuthSessionResponse)
  @Post('login')
  @Public()
  @RateLimit(30, 60)
  @HttpCode(200)
  @UseGuards(LocalAuthGuard)
  @ApiOperation({ summary: '登录 / Sign in with phone or e-mail and password' })
  login(@Body() _dto: LoginDto, @Req() req: Request & { user: { userId: string } }) {
    return this.auth.startSession(req.user.userId, req.header('user-agent'));
  }

  @Returns(AuthSessionResponse)
  @Post('refresh')
  @Public()
  @RateLimit(60, 60)
  @HttpCode(200)
  @ApiOperation({ summary: '刷新登录 / Rotate the refresh token' })
  refresh(@Body() dto: RefreshDto) {
    return this.auth.refresh(dto.refreshToken);
  }

  @Returns(AuthDistrictResponse)
  @Post('district')
  @SignedIn()
  @HttpCode(200)
  @ApiOperation({ summary: '选择区县 / Work in one of my districts' })
  chooseDistrict(@CurrentActor() actor: Actor, @Body() dto: ChooseDistrictDto) {
    return this.auth.chooseDistrict(actor, dto.districtCode);
  }

  @Post('logout')
  @SignedIn()
  @HttpCode(204)
  @ApiOperation({ summary: '退出登录 / Sign out of this session' })
  async logout(@CurrentActor() actor: Actor): Promise<void> {
    await this.auth.logout(actor);
  }

  @Post('logout-all')
  @SignedIn()
  @HttpCode(204)
  @ApiOperation({ summary: '退出所有设备 / Sign out everywhere' })
  async logoutAll(@CurrentActor() actor: Actor): Promise<void> {
    await this.auth.logoutEverywhere(actor.userId);
  }

  @Post('password')
  @SignedIn()
  @RateLimit(10, 900)
  @HttpCode(204)
  @ApiOperation({ summary: '修改密码 / Change my password (other sessions are signed out)' })
  async changePassword(@CurrentActor() actor: Actor, @Body() dto: ChangePasswordDto): Promise<void> {
    await this.auth.changePassword(actor, dto.currentPassword, dto.newPassword);
  }
}

@ApiContract()
@ApiTags('auth 登录')
@Controller('me')
export class MeController {
  constructor(private readonly me: MeService) {}

  @Returns(MeResponse)
  @Get()
  @SignedIn()
  @ApiOperation({ summary: '我是谁 / Who I am, in which district, with which roles' })
  get(@CurrentActor() actor: Actor) {
    return this.me.describe(actor);
  }
}
