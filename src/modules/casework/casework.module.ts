import { Module, OnModuleInit } from '@nestjs/common';
import { CryptoModule, EncryptedColumnRegistry } from '@sanshe/crypto';
import { NotificationsModule } from '../notifications/notifications.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { PlacesModule } from '../places/places.module';
import { BeneficiariesController } from './beneficiaries.controller';
import { BeneficiariesService } from './beneficiaries.service';
import { CaseLifecycleService } from './case-lifecycle.service';
import { CaseloadService } from './caseload.service';
import { CasesController } from './cases.controller';
import { CasesService } from './cases.service';
import { CaseworkAccess } from './casework-access.service';
import { CaseworkAggregatesService } from './casework-aggregates.service';
import { CASEWORK_ENCRYPTED_COLUMNS } from './casework-fields';
import { CaseworkLegacyProtection } from './casework-legacy-protection.service';
import { CaseworkSettingsService } from './casework-settings.service';
import { CaseworkTagCounts } from './casework-tag-counts.service';
import { CaseworkTeamController } from './casework-team.controller';
import { CaseworkTotalsService } from './casework-totals.service';
import { ConsentsService } from './consents.service';
import { GroupWorkService } from './group-work.service';
import { PiiAccessLogService } from './pii-access-log.service';
import { ReferralNotificationsHandler } from './referral-notifications.handler';
import { ReferralsService } from './referrals.service';
import { ServiceRecordsService } from './service-records.service';
import { SupervisionService } from './supervision.service';

/**
 * Casework (个案 / 小组 / 社区 / 督导 / 转介) with protected personal information: people served and their consents,
 * cases through their lifecycle with supervisor gates, service records with an edit lock, group and community work,
 * supervision, referrals, caseloads, and the aggregates district officials see. Exports CaseworkTotalsService for
 * the projects module (issue 5) and CaseloadService for the workbench.
 */
@Module({
  imports: [CryptoModule, PlacesModule, NotificationsModule, OrganisationsModule],
  controllers: [BeneficiariesController, CasesController, CaseworkTeamController],
  providers: [
    CaseworkAccess, PiiAccessLogService, CaseworkSettingsService, BeneficiariesService, ConsentsService, CasesService, CaseLifecycleService,
    ServiceRecordsService, GroupWorkService, SupervisionService, ReferralsService, CaseloadService, CaseworkTotalsService, CaseworkAggregatesService,
    CaseworkTagCounts, ReferralNotificationsHandler, CaseworkLegacyProtection,
  ],
  exports: [CaseworkTotalsService, CaseworkLegacyProtection, CaseloadService],
})
export class CaseworkModule implements OnModuleInit {
  constructor(private readonly encrypted: EncryptedColumnRegistry) {}

  onModuleInit(): void {
    this.encrypted.register(CASEWORK_ENCRYPTED_COLUMNS);
  }
}
