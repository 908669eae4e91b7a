import { Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { CommonErrorCode, commonError } from '@sanshe/common';

@Injectable()
export class LocalAuthGuard extends AuthGuard('local') {
  override handleRequest<T>(err: unknown, user: T): T {
    if (err) throw err;
    // passport-local refuses before calling validate() when a field is missing or not a string.
    if (!user) throw commonError(CommonErrorCode.VALIDATION_FAILED, { fields: ['login', 'password'] });
    return user;
  }
}
