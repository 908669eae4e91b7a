import { Body, Controller, Get, Headers, Post, Query } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, PageOf, PageQuery, Role } from '@sanshe/common';
import { ApiContract, CurrentActor, Returns, Roles } from '@sanshe/auth';
import { AppropriationDto } from './funds.dto';
import { ProgrammeFundService } from './programme-fund.service';
import { FundStatementLine, FundsAppropriateResponse, FundsSummaryResponse } from './funds.response';

@ApiContract()
@ApiTags('funds 项目资金池')
@Controller('funds/programme')
export class FundsController {
  constructor(private readonly fund: ProgrammeFundService) {}

  @Returns(FundsSummaryResponse)
  @Get()
  @Roles(Role.FinanceOfficer, Role.DistrictAdmin, Role.ProgrammeOfficer)
  @ApiOperation({ summary: '项目资金池余额 / Programme fund: balance, reserved for projects, available, appropriated' })
  summary() {
    return this.fund.summary();
  }

  @Returns(PageOf(FundStatementLine))
  @Get('statement')
  @Roles(Role.FinanceOfficer, Role.DistrictAdmin)
  @ApiOperation({ summary: '资金池流水 / The fund\'s movements, newest first' })
  statement(@Query() q: PageQuery) {
    return this.fund.statement(q);
  }

  @Returns(FundsAppropriateResponse)
  @Post('appropriations')
  @Roles(Role.FinanceOfficer)
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: '重试时使用同一个键，返回第一次的结果' })
  @ApiOperation({ summary: '财政专项拨入 / Record money appropriated into the programme fund (funds waiting projects)' })
  appropriate(@Body() dto: AppropriationDto, @Headers('idempotency-key') key: string | undefined, @CurrentActor() actor: Actor) {
    return this.fund.appropriate(dto, key, actor);
  }
}
