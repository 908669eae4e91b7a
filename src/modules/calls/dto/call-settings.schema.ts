import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { QUESTION_TYPES } from '../call-settings';
import { SERVICE_AREA_CODES } from '../../organisations/service-areas';

/*
 * The documented shapes of a call's configurable parts. They describe; call-settings.ts checks (400 with every
 * problem listed), so the rules live in one place. Used by requests and responses alike.
 */

export class FormQuestion {
  @ApiProperty({ example: 'target_group', pattern: '^[a-z][a-z0-9_]{0,39}$' }) key: string;
  @ApiProperty({ example: '服务对象' }) label: string;
  @ApiProperty({ enum: QUESTION_TYPES, example: 'long_text' }) type: string;
  @ApiPropertyOptional() required?: boolean;
  @ApiPropertyOptional({ type: [String], description: 'choice: the allowed options', example: ['老年人', '儿童'] }) options?: string[];
  @ApiPropertyOptional({ description: 'choice: several options may be chosen' }) multiple?: boolean;
  @ApiPropertyOptional({ description: 'text / long_text', example: 2000 }) maxLength?: number;
  @ApiPropertyOptional({ description: 'number / money (money in fen)' }) min?: number;
  @ApiPropertyOptional({ description: 'number / money (money in fen)' }) max?: number;
}

export class FormSection {
  @ApiProperty({ example: 'plan', pattern: '^[a-z][a-z0-9_]{0,39}$' }) key: string;
  @ApiProperty({ example: '项目方案' }) title: string;
  @ApiProperty({ type: () => [FormQuestion] }) questions: FormQuestion[];
}

export class CallForm {
  @ApiProperty({ type: () => [FormSection] }) sections: FormSection[];
}

export class RubricCriterion {
  @ApiProperty({ example: 'need', pattern: '^[A-Za-z0-9_-]{1,20}$' }) code: string;
  @ApiProperty({ example: '需求分析' }) name: string;
  @ApiProperty({ example: 30, description: 'weights of all criteria add up to 100' }) weight: number;
  @ApiPropertyOptional() description?: string;
}

export class Rubric {
  @ApiProperty({ type: () => [RubricCriterion] }) criteria: RubricCriterion[];
  @ApiProperty({ example: 0, description: 'every criterion is scored in [scoreMin, scoreMax]' }) scoreMin: number;
  @ApiProperty({ example: 10 }) scoreMax: number;
}

export class CallEligibility {
  @ApiPropertyOptional({ minimum: 1, maximum: 5, example: 3, description: 'minimum grade (3 = 3A)' }) minGrade?: number;
  @ApiPropertyOptional({ example: 1 }) minYearsRegistered?: number;
  @ApiPropertyOptional({ enum: SERVICE_AREA_CODES, description: 'must hold a qualification (承接资质) in this area' }) qualifiedServiceArea?: string;
  @ApiPropertyOptional({ description: 'require any qualification in force (implied by qualifiedServiceArea)' }) requireQualification?: boolean;
}

export class TrancheCondition {
  @ApiProperty({ enum: ['agreement_signed', 'evaluation_passed', 'report_approved', 'spending_ratio'] }) type: string;
  @ApiPropertyOptional({ enum: ['midterm', 'final'], description: 'evaluation_passed' }) stage?: string;
  @ApiPropertyOptional({ description: 'evaluation_passed: the lowest passing score' }) minScore?: number;
  @ApiPropertyOptional({ enum: ['monthly', 'interim', 'final'], description: 'report_approved' }) kind?: string;
  @ApiPropertyOptional({ description: 'spending_ratio: share of released money spent, in percent' }) minPercent?: number;
}

export class TranchePlanItem {
  @ApiProperty({ example: 1 }) seq: number;
  @ApiProperty({ example: '签约首拨' }) name: string;
  @ApiProperty({ example: 50, description: 'percentages of all tranches add up to 100' }) percent: number;
  @ApiProperty({ type: () => [TrancheCondition], example: [{ type: 'agreement_signed' }] }) conditions: TrancheCondition[];
}
