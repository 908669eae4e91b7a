import { Body, Controller, Get, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Actor, RateLimit } from '@sanshe/common';
import { CurrentActor, Public, SignedIn } from './access.decorators';
import { AuthService, SessionResult } from './auth.service';
import { authError, AuthErrorCode } from './auth.errors';
import { ChangePasswordDto, ChooseDistrictDto, LoginDto, RefreshDto } from './auth.dto';
import { LocalAuthGuard } from './local-auth.guard';
import { DistrictSwitchResponse, MeResponse, SessionResponse } from './auth.response';
import { MeService } from './me.service';
import { ApiContract, Returns } from './api-contract.decorator';
import { clearRefreshCookie, readRefreshCookie, setRefreshCookie, wantsCookieMode } from './refresh-cookie';

const SESSION_MODE = {
  name: 'X-Session-Mode',
  required: false,
  description: '`cookie`: the refresh token travels in an HttpOnly cookie on /api/v1/auth/refresh instead of the body (browsers)',
};

/** In cookie mode the refresh token goes into the cookie and never into the body page script can read. */
function deliver(req: Request, res: Response, result: SessionResult): SessionResult | Omit<SessionResult, 'refreshToken'> {
  if (!wantsCookieMode(req)) return result;
  setRefreshCookie(req, res, result.refreshToken, result.refreshTokenExpiresAt);
  const { refreshToken: _kept, ...rest } = result;
  return rest;
}

@ApiContract()
@ApiTags('auth 登录')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
  ) {}

  @Returns(SessionResponse)
  @Post('login')
  @Public()
  @RateLimit(30, 60)
  @HttpCode(200)
  @UseGuards(LocalAuthGuard)
  @ApiOperation({ summary: '登录 / Sign in with phone or e-mail and password' })
  @ApiHeader(SESSION_MODE)
  async login(@Body() _dto: LoginDto, @Req() req: Request & { user: { userId: string } }, @Res({ passthrough: true }) res: Response) {
    return deliver(req, res, await this.auth.startSession(req.user.userId, req.header('user-agent')));
  }

  @Returns(SessionResponse)
  @Post('refresh')
  @Public()
  @RateLimit(60, 60)
  @HttpCode(200)
  @ApiOperation({ summary: '刷新登录 / Rotate the refresh token' })
  @ApiHeader(SESSION_MODE)
  async refresh(@Body() dto: RefreshDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const token = dto.refreshToken ?? (wantsCookieMode(req) ? readRefreshCookie(req) : undefined);
    if (!token) throw authError(AuthErrorCode.REFRESH_TOKEN_INVALID);
    try {
      return deliver(req, res, await this.auth.refresh(token));
    } catch (err) {
      // A dead cookie would only be sent again on every page load: drop it with the refusal.
      if (wantsCookieMode(req)) clearRefreshCookie(req, res);
      throw err;
    }
  }

  @Returns(DistrictSwitchResponse)
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
  async logout(@CurrentActor() actor: Actor, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.auth.logout(actor);
    clearRefreshCookie(req, res);
  }

  @Post('logout-all')
  @SignedIn()
  @HttpCode(204)
  @ApiOperation({ summary: '退出所有设备 / Sign out everywhere' })
  async logoutAll(@CurrentActor() actor: Actor, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.auth.logoutEverywhere(actor.userId);
    clearRefreshCookie(req, res);
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
