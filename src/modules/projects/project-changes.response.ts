import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LocalisedLabel, ApiFenProperty } from '@sanshe/common';

/* Response bodies of this controller's operations, as documented in the OpenAPI contract. */

export class ChangeSummaryDetailReallocation {
  @ApiFenProperty({ example: '30000' }) amountFen: string;
  @ApiProperty({ type: String, format: 'uuid' }) toBudgetLineId: string;
  @ApiProperty({ type: String, format: 'uuid' }) fromBudgetLineId: string;
}

export class ChangeSummaryDetailIndicatorTarget {
  @ApiProperty({ type: String, format: 'uuid' }) indicatorId: string;
  @ApiProperty({ type: Number, example: 1000 }) target: number;
}

/** What was asked, by kind: only the kind's own field is present (a reallocation's moves, an extension's date, …). */
export class ChangeSummaryDetail {
  @ApiPropertyOptional({ type: () => [ChangeSummaryDetailReallocation], description: 'reallocation' }) reallocations?: ChangeSummaryDetailReallocation[];
  @ApiPropertyOptional({ type: String, format: 'date', example: '2028-03-31', description: 'extension' }) newEndsOn?: string;
  @ApiPropertyOptional({ type: () => [ChangeSummaryDetailIndicatorTarget], description: 'indicator_target' }) indicatorTargets?: ChangeSummaryDetailIndicatorTarget[];
}


export class ChangeSummary {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String, example: "reallocation" }) kind: string;
  @ApiProperty({ type: () => ChangeSummaryDetail }) detail: ChangeSummaryDetail;
  @ApiProperty({ type: String, example: "调整30000" }) reason: string;
  @ApiProperty({ type: String, example: "applied" }) status: string;
  @ApiProperty({ type: Boolean }) needsApproval: boolean;
  @ApiProperty({ type: String, nullable: true }) decisionComment: string | null;
  @ApiProperty({ type: Number, example: 4 }) planVersion: number;
  @ApiProperty({ type: Number, example: 1 }) version: number;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, nullable: true }) decidedAt: string | null;
  @ApiProperty({ type: String, example: "甲机构管理员" }) requestedByName: string;
  @ApiProperty({ type: () => LocalisedLabel }) kindLabel: LocalisedLabel;
}

