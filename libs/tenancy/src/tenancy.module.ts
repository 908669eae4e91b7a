import { Global, Module } from '@nestjs/common';
import { TenantContext } from './tenant-context';
import { TenantTransactionRunner } from './tenant-transaction.runner';

@Global()
@Module({ providers: [TenantContext, TenantTransactionRunner], exports: [TenantContext, TenantTransactionRunner] })
export class TenancyModule {}
