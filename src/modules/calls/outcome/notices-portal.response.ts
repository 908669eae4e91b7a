import { ApiFenProperty } from '@sanshe/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/* Response bodies of this controller's operations, as documented in the OpenAPI contract. */

export class ObjectionResponse {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String, example: "该机构去年项目执行情况不佳，请核实。" }) content: string;
  @ApiProperty({ type: String, example: "open" }) status: string;
  @ApiProperty({ type: String, example: "经核实，该机构去年项目结项评估为良好。", nullable: true }) answer: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) answeredAt: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) receivedAt: string;
}


export class NoticesPortalGetItem {
  @ApiProperty({ type: Number, example: 1 }) rank: number;
  @ApiProperty({ type: Number, example: 84 }) score: number;
  @ApiFenProperty({ example: '18000000' }) amountFen: string;
  @ApiProperty({ type: String, example: "GYSB-2026-0001" }) referenceNo: string;
  @ApiProperty({ type: String, example: "银龄互助·社区长者陪伴计划" }) projectTitle: string;
  @ApiProperty({ type: String, example: "晋阳社会工作服务中心" }) organisationName: string;
}


export class NoticesPortalGetObjections {
  @ApiProperty({ type: Number, example: 1 }) total: number;
  @ApiProperty({ type: Number, example: 0 }) answered: number;
}

export class NoticesPortalGetResponse {
  @ApiProperty({ type: String, format: 'uuid' }) callId: string;
  @ApiProperty({ type: String, example: "2026年社区公益创投大赛 拟资助项目公示" }) title: string;
  @ApiProperty({ type: String, example: "notice" }) status: string;
  @ApiProperty({ type: String, format: 'date-time' }) noticeStartsAt: string;
  @ApiProperty({ type: String, format: 'date-time' }) noticeEndsAt: string;
  @ApiFenProperty({ example: '200000000' }) fundPoolFen: string;
  @ApiProperty({ type: () => [NoticesPortalGetItem] }) items: NoticesPortalGetItem[];
  @ApiProperty({ type: () => NoticesPortalGetObjections }) objections: NoticesPortalGetObjections;
}


export class NoticesPortalListResponse {
  @ApiProperty({ type: () => [NoticesPortalGetResponse] }) items: NoticesPortalGetResponse[];
  @ApiProperty({ type: Number, example: 1 }) total: number;
}


export class NoticesPortalObjectResponse {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String, example: "open" }) status: string;
  @ApiProperty({ type: String, format: 'date-time' }) receivedAt: string;
  @ApiProperty({ type: String, example: "tJazbk-upISDZsymuf6-o7RKy-3M8DgMn5B8nqnHo0w" }) receiptCode: string;
}

