import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { Request } from 'express';
import { Strategy } from 'passport-local';
import { CommonErrorCode, commonError } from '@sanshe/common';
import { AuthService } from './auth.service';
import { LoginDto } from './auth.dto';

/**
 * passport `local`: phone or e-mail + password. The body is validated here, before any counting, because guards
 * run before pipes: a malformed sign-in is a 400 and never counts as a failed attempt.
 */
@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy, 'local') {
  constructor(private readonly auth: AuthService) {
    super({ usernameField: 'login', passwordField: 'password', passReqToCallback: true });
  }

  async validate(req: Request, login: string, password: string): Promise<{ userId: string }> {
    const dto = plainToInstance(LoginDto, req.body ?? {});
    const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
    if (errors.length) throw commonError(CommonErrorCode.VALIDATION_FAILED, { fields: errors.map((e) => e.property) });
    return { userId: await this.auth.verifyCredentials(login, password) };
  }
}
