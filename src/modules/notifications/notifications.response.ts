import { ApiProperty } from '@nestjs/swagger';

/** Response shapes of the notifications API, so generated clients (the web app) type them from the document. */
export class NotificationResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'membership.invited' }) kind: string;
  @ApiProperty() titleZh: string;
  @ApiProperty() titleEn: string;
  @ApiProperty() bodyZh: string;
  @ApiProperty() bodyEn: string;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true }) data: Record<string, unknown> | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) readAt: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
}

export class NotificationPageResponse {
  @ApiProperty({ type: NotificationResponse, isArray: true }) items: NotificationResponse[];
  @ApiProperty() total: number;
  @ApiProperty({ description: '未读条数 / unread count' }) unread: number;
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class MarkedResponse {
  @ApiProperty({ description: '标记为已读的条数 / how many were marked read' }) marked: number;
}
