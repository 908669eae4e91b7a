import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, ValidateBy } from 'class-validator';
import { IsRealDay } from '@sanshe/common';

/** `to` not before `from` (either may be left out: the range is then open on that side). */
function NotBeforeFrom(): PropertyDecorator {
  return ValidateBy({
    name: 'notBeforeFrom',
    validator: {
      validate: (to: unknown, args) => {
        const from = (args?.object as { from?: unknown }).from;
        return typeof from !== 'string' || typeof to !== 'string' || to >= from;
      },
      defaultMessage: () => 'to must be on or after from',
    },
  }, { context: { zh: '结束日期不能早于开始日期' } });
}

export class AggregatesQuery {
  @ApiPropertyOptional({ example: '2026-01-01', description: '起始日（含），服务日期 / first service day counted (inclusive)' }) @IsOptional() @IsRealDay() from?: string;
  @ApiPropertyOptional({ example: '2026-12-31', description: '截止日（含），不早于 from / last service day counted (inclusive), not before from' })
  @IsOptional() @IsRealDay() @NotBeforeFrom() to?: string;
}
