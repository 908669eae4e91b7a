import { Module } from '@nestjs/common';
import { MembersModule } from '../members/members.module';
import { DistrictsService } from './districts.service';
import { OperatorBootstrap } from './operator-bootstrap.service';
import { PlatformController } from './platform.controller';

/** Platform: the operator's side — opening districts and appointing their first admins. */
@Module({
  imports: [MembersModule],
  controllers: [PlatformController],
  providers: [DistrictsService, OperatorBootstrap],
  exports: [OperatorBootstrap],
})
export class PlatformModule {}
