import { Global, Module } from '@nestjs/common';
import { IdempotencyService } from './idempotency.service';
import { ReferenceNumberService } from './reference-numbers.service';
import { TenantContext } from './tenant-context';
import { TenantTransactionRunner } from './tenant-transaction.runner';

/** The district context every domain works in, and the per-district helpers built on it. */
const PROVIDERS = [TenantContext, TenantTransactionRunner, IdempotencyService, ReferenceNumberService];

@Global()
@Module({ providers: PROVIDERS, exports: PROVIDERS })
export class TenancyModule {}
