import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageOf } from '@sanshe/common';

/* Response bodies of this controller's operations, as documented in the OpenAPI contract. */

export class NotificationSummaryData {
  @ApiPropertyOptional({ type: String, format: 'uuid' }) invitationId?: string;
  @ApiPropertyOptional({ type: String, format: 'uuid' }) membershipId?: string;
  @ApiPropertyOptional({ type: String, example: "GYSB-2026-0001" }) referenceNo?: string;
  @ApiPropertyOptional({ type: String, format: 'uuid' }) applicationId?: string;
  @ApiPropertyOptional({ type: Number, example: 3 }) rank?: number;
  @ApiPropertyOptional({ type: Number, example: 60 }) score?: number;
  @ApiPropertyOptional({ type: String, example: "pass" }) decision?: string;
  @ApiPropertyOptional({ type: String, format: 'uuid' }) projectId?: string;
  @ApiPropertyOptional({ type: String, format: 'uuid' }) trancheId?: string;
  @ApiPropertyOptional({ type: String, format: 'uuid' }) evaluationId?: string;
  @ApiPropertyOptional({ type: [Number] }) frozenTranches?: number[];
  @ApiPropertyOptional({ type: String, format: 'uuid' }) reportId?: string;
  @ApiPropertyOptional({ type: String, format: 'uuid' }) changeId?: string;
  @ApiPropertyOptional({ type: String, format: 'uuid' }) referralId?: string;
  @ApiPropertyOptional({ type: String, example: "accepted" }) status?: string;
}

export class NotificationSummary {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String, example: "membership.invited" }) kind: string;
  @ApiProperty({ type: String, example: "邀请您加入测试区3三社联动平台" }) titleZh: string;
  @ApiProperty({ type: String, example: "You are invited to join 测试区3 on Sanshe" }) titleEn: string;
  @ApiProperty({ type: String, example: "区管理员邀请您以「评估机构」身份加入测试区3，请在 2026-12-08 前通过短信或邮件中的邀请链接激活。" }) bodyZh: string;
  @ApiProperty({ type: String, example: "\"独居老人关爱行动\" scored 78 (qualified) in the final evaluation." }) bodyEn: string;
  @ApiProperty({ type: () => NotificationSummaryData }) data: NotificationSummaryData;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) readAt: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
}


export class NotificationListResponse extends PageOf(NotificationSummary) {
  @ApiProperty({ type: Number, example: 1 }) unread: number;
}


export class MarkedReadResponse {
  @ApiProperty({ type: Number, example: 3, description: 'notifications that were unread and now are read' }) marked: number;
}
