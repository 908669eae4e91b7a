import { Module } from '@nestjs/common';
import { PlacesModule } from '../places/places.module';
import { CallClosingScheduler } from './call-closing.scheduler';
import { CallsPortalController } from './calls-portal.controller';
import { CallsPortalService } from './calls-portal.service';
import { CallsController } from './calls.controller';
import { CallsService } from './calls.service';
import { DistrictHolidaysService } from './district-holidays.service';

/**
 * Venture calls (公益创投), the call itself: drafting with a configurable form and rubric, publishing, the portal
 * pages, the closing job and the district's working-day calendar. Applications, reviews and outcomes (selection,
 * notice, award) are separate modules that use CallsService.
 */
@Module({
  imports: [PlacesModule],
  controllers: [CallsController, CallsPortalController],
  providers: [CallsService, CallsPortalService, DistrictHolidaysService, CallClosingScheduler],
  exports: [CallsService, DistrictHolidaysService, CallClosingScheduler],
})
export class CallsModule {}
