import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { WORKBENCH_KINDS, WorkbenchKind } from './waiting-item';

export class LocalisedTextDto {
  @ApiProperty({ example: '中期报告（2027-01-01 至 2027-06-30）' }) zh: string;
  @ApiProperty({ example: 'interim report (2027-01-01 to 2027-06-30)' }) en: string;
}

export class WorkbenchItemDto {
  @ApiProperty({ enum: WORKBENCH_KINDS, enumName: 'WorkbenchKind', description: '事项类型（页面以 workbench.kind.<kind> 翻译）/ what kind of work' })
  kind: WorkbenchKind;

  @ApiProperty({ format: 'uuid', description: '事项对应的记录 id / the record the item is about' })
  id: string;

  @ApiProperty({ example: '银龄互助·社区长者陪伴计划', description: '记录名称 / the record’s name' })
  title: string;

  @ApiProperty({ type: String, nullable: true, example: 'GYSB-2026-0001', description: '编号 / reference number, when it has one' })
  reference: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: '截止时间（无截止为 null）/ when it is due; null when undated' })
  dueAt: string | null;

  @ApiProperty({ description: '是否已逾期（按服务器时钟）/ past its due time on the server clock' })
  overdue: boolean;

  @ApiProperty({ example: '/applications/6f1c2f8e-0c47-4a43-9a53-0d7b7f8f5a11', description: '前端页面路径 / the page that opens it' })
  path: string;

  @ApiPropertyOptional({ type: LocalisedTextDto, nullable: true, description: '补充说明（如哪一期报告）/ what exactly, when the title is ambiguous' })
  detail?: LocalisedTextDto | null;
}

/** One integer per kind the person's roles cover (0 when nothing waits); kinds for other roles are absent. */
export class WorkbenchCountsDto {
  @ApiPropertyOptional() application_to_screen?: number;
  @ApiPropertyOptional() review_to_score?: number;
  @ApiPropertyOptional() notice_ending?: number;
  @ApiPropertyOptional() objection_to_answer?: number;
  @ApiPropertyOptional() award_to_accept?: number;
  @ApiPropertyOptional() tranche_to_release?: number;
  @ApiPropertyOptional() report_to_submit?: number;
  @ApiPropertyOptional() report_to_approve?: number;
  @ApiPropertyOptional() report_overdue?: number;
  @ApiPropertyOptional() evaluation_due?: number;
  @ApiPropertyOptional() change_to_approve?: number;
  @ApiPropertyOptional() organisation_to_verify?: number;
  @ApiPropertyOptional() qualification_to_review?: number;
  @ApiPropertyOptional() closure_ready?: number;
  @ApiPropertyOptional() invitation_pending?: number;
  @ApiPropertyOptional() application_to_submit?: number;
  @ApiPropertyOptional() call_to_publish?: number;
  @ApiPropertyOptional() case_due?: number;
  @ApiPropertyOptional() case_to_approve?: number;
}

export class WorkbenchDto {
  @ApiProperty({ type: [WorkbenchItemDto], description: '按截止时间升序（无截止者在后）；每类最多 50 项 / by due time, undated last; at most 50 per kind' })
  items: WorkbenchItemDto[];

  @ApiProperty({ type: WorkbenchCountsDto, description: '每类的完整数量 / the full count per kind' })
  counts: WorkbenchCountsDto;

  @ApiProperty({ type: String, format: 'date-time' })
  generatedAt: string;
}
