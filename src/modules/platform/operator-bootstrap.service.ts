import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@sanshe/common';
import { PasswordService } from '@sanshe/auth';
import { TenantContext, TenantTransactionRunner } from '@sanshe/tenancy';

/**
 * First start: when PLATFORM_OPERATOR_LOGIN/PASSWORD are set, make sure that person exists and is the platform
 * operator. An existing password is never overwritten, so a later restart cannot reset it.
 */
@Injectable()
export class OperatorBootstrap implements OnApplicationBootstrap {
  private readonly logger = new Logger(OperatorBootstrap.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly runner: TenantTransactionRunner,
    private readonly ctx: TenantContext,
    private readonly passwords: PasswordService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const op = this.config.platformOperator;
    if (op) await this.ensureOperator(op.login, op.password, op.name);
  }

  async ensureOperator(login: string, password: string, name: string): Promise<string> {
    const isEmail = login.includes('@');
    return this.runner.run({}, async () => {
      const m = this.ctx.manager();
      const hash = await this.passwords.hash(password);
      const [row]: Array<{ id: string; created: boolean }> = await m.query(
        `INSERT INTO users (name, phone, email, password_hash, is_platform_operator) VALUES ($1, $2, $3, $4, true)
         ON CONFLICT ${isEmail ? '(email) WHERE email IS NOT NULL' : '(phone) WHERE phone IS NOT NULL'}
         DO UPDATE SET is_platform_operator = true, password_hash = COALESCE(users.password_hash, EXCLUDED.password_hash)
         RETURNING id, (xmax = 0) AS created`,
        [name, isEmail ? null : login, isEmail ? login.toLowerCase() : null, hash],
      );
      this.logger.log(`Platform operator ${row.created ? 'created' : 'confirmed'}: ${login}`);
      return row.id;
    });
  }
}
