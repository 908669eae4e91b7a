import { Global, Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { APP_CONFIG, AppConfig, RateLimitGuard, RateLimitStorageModule } from '@sanshe/common';
import { AccessInterceptor } from './access.interceptor';
import { AuthController, MeController } from './auth.controller';
import { AuthService } from './auth.service';
import { IdentityService } from './identity.service';
import { JwtAuthGuard } from './jwt-auth.guard';
import { JwtStrategy, jwtKey } from './jwt.strategy';
import { LocalStrategy } from './local.strategy';
import { MeService } from './me.service';
import { PasswordService } from './password.service';
import { TokenService } from './token.service';

/**
 * Identity and access for every route: the JWT guard and the access interceptor are global, so a route is closed
 * unless it says `@Public()`, and every authenticated request runs in its district's transaction.
 */
@Global()
@Module({
  imports: [
    PassportModule,
    RateLimitStorageModule,
    JwtModule.registerAsync({ inject: [APP_CONFIG], useFactory: (c: AppConfig) => ({ secret: jwtKey(c.jwtSecret) as unknown as string }) }),
  ],
  controllers: [AuthController, MeController],
  providers: [
    AuthService, MeService, IdentityService, PasswordService, TokenService, JwtStrategy, LocalStrategy,
    { provide: APP_GUARD, useClass: RateLimitGuard },
    { provide: APP_GUARD, useClass: JwtAuthGuard },
    { provide: APP_INTERCEPTOR, useClass: AccessInterceptor },
  ],
  exports: [AuthService, IdentityService, PasswordService],
})
export class AuthModule {}
