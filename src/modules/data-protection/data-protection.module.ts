import { Module } from '@nestjs/common';
import { CaseworkModule } from '../casework/casework.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { DataKeysController } from './data-keys.controller';
import { DataKeysService } from './data-keys.service';
import { LegacyProtectionService } from './legacy-protection.service';
import { MasterKeyRotation } from './master-key-rotation.service';

/**
 * Keeping personal data protected over time: district field-key rotation with re-encryption, master-key rotation
 * (CLI) and the one-off encryption of values stored in clear before migration 1763777900000 (CLI, run by npm start).
 * Each module's tables are converted by that module's own service; this module only runs them per district.
 */
@Module({
  imports: [CaseworkModule, OrganisationsModule],
  controllers: [DataKeysController],
  providers: [DataKeysService, LegacyProtectionService, MasterKeyRotation],
  exports: [LegacyProtectionService, MasterKeyRotation],
})
export class DataProtectionModule {}
