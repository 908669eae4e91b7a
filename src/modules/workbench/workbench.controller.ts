import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor } from '@sanshe/common';
import { CurrentActor, Roles } from '@sanshe/auth';
import { WorkbenchDto } from './workbench.dto';
import { WorkbenchService } from './workbench.service';

@ApiTags('workbench 工作台')
@Controller('workbench')
export class WorkbenchController {
  constructor(private readonly workbench: WorkbenchService) {}

  @Get()
  @Roles()
  @ApiOperation({ summary: '我的待办 / What is waiting for me in this district, by role' })
  @ApiOkResponse({ type: WorkbenchDto })
  get(@CurrentActor() actor: Actor): Promise<WorkbenchDto> {
    return this.workbench.forActor(actor);
  }
}
