import { DynamicModule, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import type { DestinationStream } from 'pino';
import { AppConfig, AppConfigModule, ProblemDetailsFilter, loggingModule, rejectUnsafeText, requestIdMiddleware } from '@sanshe/common';
import { AuditModule } from '@sanshe/audit';
import { AuthModule } from '@sanshe/auth';
import { DatabaseModule } from '@sanshe/database';
import { LedgerModule } from '@sanshe/ledger';
import { QueueModule } from '@sanshe/queue';
import { TenancyModule } from '@sanshe/tenancy';
import { ClockModule } from '@sanshe/common/clock';
import { DemoSeeder } from './demo/demo-seeder';
import { DOMAIN_EVENT_CATALOGUE } from './domain-events.catalogue';
import { CaseworkModule } from './modules/casework/casework.module';
import { DataProtectionModule } from './modules/data-protection/data-protection.module';
import { CallsModule } from './modules/calls/calls.module';
import { CallOutcomesModule } from './modules/calls/outcome/call-outcomes.module';
import { ApplicationsModule } from './modules/applications/applications.module';
import { ReviewsModule } from './modules/reviews/reviews.module';
import { FundsModule } from './modules/funds/funds.module';
import { ProjectsModule } from './modules/projects/projects.module';
import { ProjectReportsModule } from './modules/project-reports/project-reports.module';
import { EvaluationsModule } from './modules/evaluations/evaluations.module';
import { HealthModule } from './modules/health/health.module';
import { MembersModule } from './modules/members/members.module';
import { AttachmentsModule } from './modules/attachments/attachments.module';
import { NotificationsModule } from './modules/notifications/notifications.module';
import { OrganisationsModule } from './modules/organisations/organisations.module';
import { PlacesModule } from './modules/places/places.module';
import { PlatformModule } from './modules/platform/platform.module';
import { PortalModule } from './modules/portal/portal.module';
import { WorkbenchModule } from './modules/workbench/workbench.module';

/** The whole service: platform libs first, then the business domains. */
@Module({})
export class AppModule implements NestModule {
  /** `logStream` replaces stdout for the logs (tests read it to prove what is and is not written). */
  static forRoot(config?: AppConfig, opts: { logStream?: DestinationStream } = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        AppConfigModule.forRoot(config),
        loggingModule(config?.logLevel ?? process.env.LOG_LEVEL, opts.logStream),
        ClockModule,
        DatabaseModule,
        TenancyModule,
        AuditModule,
        LedgerModule,
        QueueModule.forRoot(DOMAIN_EVENT_CATALOGUE),
        AuthModule,
        HealthModule,
        PlatformModule,
        PlacesModule,
        MembersModule,
        NotificationsModule,
        AttachmentsModule,
        OrganisationsModule,
        PortalModule,
        CaseworkModule,
        DataProtectionModule,
        CallsModule,
        ApplicationsModule,
        ReviewsModule,
        CallOutcomesModule,
        FundsModule,
        ProjectsModule,
        ProjectReportsModule,
        EvaluationsModule,
        WorkbenchModule,
      ],
      providers: [{ provide: APP_FILTER, useClass: ProblemDetailsFilter }, DemoSeeder],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(requestIdMiddleware, rejectUnsafeText).forRoutes('*');
  }
}
