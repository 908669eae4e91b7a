import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LocalisedLabel } from '@sanshe/common';

/* Response bodies of this controller's operations, as documented in the OpenAPI contract. */

export class EvaluationsAssignResponse {
  @ApiProperty({ type: String, format: 'uuid' }) projectId: string;
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String, format: 'uuid' }) evaluatorMembershipId: string;
  @ApiProperty({ type: String, format: 'date-time' }) assignedAt: string;
  @ApiProperty({ type: Boolean }) active: boolean;
}


export class EvaluationsRecordResponse {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String, format: 'uuid' }) projectId: string;
  @ApiProperty({ type: String, example: "midterm" }) stage: string;
  @ApiProperty({ type: Number, example: 85 }) score: number;
  @ApiProperty({ type: String, example: "good" }) grade: string;
  @ApiProperty({ type: String, example: "服务记录完整，满意度高" }) findings: string;
  @ApiProperty({ type: String, format: 'date' }) evaluatedOn: string;
  @ApiProperty({ type: () => LocalisedLabel }) gradeLabel: LocalisedLabel;
  @ApiProperty({ type: Boolean }) passed: boolean;
  @ApiProperty({ type: [Number] }) frozenTranches: number[];
}

export class EvaluatorAssignmentView {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String, format: 'uuid' }) evaluatorMembershipId: string;
  @ApiProperty({ type: String, example: '评估中心' }) evaluatorName: string;
  @ApiProperty({ type: String, format: 'date-time' }) assignedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) endedAt: string | null;
}

/** Every evaluator assignment of one project (a few per project, not paged). */
export class EvaluatorAssignmentListResponse {
  @ApiProperty({ type: () => [EvaluatorAssignmentView] }) items: EvaluatorAssignmentView[];
  @ApiProperty({ type: Number, example: 1 }) total: number;
}

export class EndedAssignmentResponse {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: Boolean, example: false }) active: boolean;
}

export class EvaluationView {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String, enum: ['midterm', 'final'] }) stage: string;
  @ApiProperty({ type: Number, example: 85 }) score: number;
  @ApiProperty({ type: String, example: 'good' }) grade: string;
  @ApiProperty({ type: () => LocalisedLabel }) gradeLabel: LocalisedLabel;
  @ApiProperty({ type: Boolean }) passed: boolean;
  @ApiProperty({ type: String, example: '服务记录完整，满意度高' }) findings: string;
  @ApiProperty({ type: String, format: 'date' }) evaluatedOn: string;
  @ApiProperty({ type: String, example: '评估中心' }) evaluatorName: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
}

export class EvaluationListResponse {
  @ApiProperty({ type: () => [EvaluationView] }) items: EvaluationView[];
  @ApiProperty({ type: Number, example: 2 }) total: number;
}
