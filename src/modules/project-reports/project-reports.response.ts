import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LocalisedLabel, ApiFenProperty } from '@sanshe/common';
import { AttachmentsUploadResponse } from '../attachments/attachments.response';

/* Response bodies of this controller's operations, as documented in the OpenAPI contract. */

export class ProjectReportSpending {
  @ApiProperty({ type: String, format: 'uuid' }) budgetLineId: string;
  @ApiProperty({ type: String, example: "activity" }) code: string;
  @ApiProperty({ type: String, example: "活动费" }) name: string;
  @ApiFenProperty({ example: '0' }) amountFen: string;
}


export class ProjectReportIndicatorValue {
  @ApiProperty({ type: String, format: 'uuid' }) indicatorId: string;
  @ApiProperty({ type: Number, example: 520 }) value: number;
}


export class ProjectReportMilestoneStatus {
  @ApiProperty({ type: String, format: 'uuid' }) milestoneId: string;
  @ApiProperty({ enum: ['pending', 'in_progress', 'done', 'delayed'], example: 'done' }) status: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) completedOn: string | null;
}


export class ProjectReportResponse {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String, format: 'uuid' }) projectId: string;
  @ApiProperty({ type: String, example: "interim" }) kind: string;
  @ApiProperty({ type: () => LocalisedLabel }) kindLabel: LocalisedLabel;
  @ApiProperty({ type: String, format: 'date' }) periodStart: string;
  @ApiProperty({ type: String, format: 'date' }) periodEnd: string;
  @ApiProperty({ type: String, format: 'date' }) dueOn: string;
  @ApiProperty({ type: String, example: "due" }) status: string;
  @ApiProperty({ type: Boolean }) overdue: boolean;
  @ApiProperty({ type: String, nullable: true }) overdueSince: string | null;
  @ApiProperty({ type: String, nullable: true }) submittedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) reviewedAt: string | null;
  @ApiProperty({ type: Number, example: 1 }) version: number;
  @ApiProperty({ type: String, example: "" }) narrative: string;
  @ApiProperty({ type: String, nullable: true }) reviewComment: string | null;
  @ApiProperty({ type: () => [ProjectReportIndicatorValue] }) indicatorValues: ProjectReportIndicatorValue[];
  @ApiProperty({ type: () => [ProjectReportMilestoneStatus] }) milestoneStatuses: ProjectReportMilestoneStatus[];
  @ApiProperty({ type: () => [ProjectReportSpending] }) spending: ProjectReportSpending[];
  /** Receipts uploaded to this report (POST /attachments, ownerType project_report, kind receipt). */
  @ApiProperty({ type: () => [AttachmentsUploadResponse] }) receipts: AttachmentsUploadResponse[];
}


export class ProjectReportsListItem {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String, format: 'uuid' }) projectId: string;
  @ApiProperty({ type: String, example: "monthly" }) kind: string;
  @ApiProperty({ type: () => LocalisedLabel }) kindLabel: LocalisedLabel;
  @ApiProperty({ type: String, format: 'date' }) periodStart: string;
  @ApiProperty({ type: String, format: 'date' }) periodEnd: string;
  @ApiProperty({ type: String, format: 'date' }) dueOn: string;
  @ApiProperty({ type: String, example: "due" }) status: string;
  @ApiProperty({ type: Boolean }) overdue: boolean;
  @ApiProperty({ type: String, format: 'date' }) overdueSince: string;
  @ApiProperty({ type: String, nullable: true }) submittedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) reviewedAt: string | null;
  @ApiProperty({ type: Number, example: 1 }) version: number;
}

export class ProjectReportsListResponse {
  @ApiProperty({ type: () => [ProjectReportsListItem] }) items: ProjectReportsListItem[];
  @ApiProperty({ type: Number, example: 5 }) total: number;
}

