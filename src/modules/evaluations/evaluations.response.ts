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
