import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';
import { AuthErrorCode, authError } from './auth.errors';

/** argon2id with OWASP's recommended cost (19 MiB, 2 passes). */
const OPTIONS = { type: argon2.argon2id as 2, memoryCost: 19456, timeCost: 2, parallelism: 1 };

@Injectable()
export class PasswordService {
  private dummyHash?: Promise<string>;

  hash(password: string): Promise<string> {
    return argon2.hash(password, OPTIONS);
  }

  verify(hash: string, password: string): Promise<boolean> {
    return argon2.verify(hash, password).catch(() => false);
  }

  /** Spend the same time as a real check, so an unknown login cannot be told apart from a wrong password. */
  async burn(password: string): Promise<void> {
    this.dummyHash ??= this.hash('not-a-real-password-0');
    await this.verify(await this.dummyHash, password);
  }

  assertStrong(password: string): void {
    if (password.length < 10 || password.length > 128 || !/[A-Za-z]/.test(password) || !/[0-9]/.test(password)) {
      throw authError(AuthErrorCode.WEAK_PASSWORD);
    }
  }
}
