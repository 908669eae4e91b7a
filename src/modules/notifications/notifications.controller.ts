import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';
import { Transform } from 'class-transformer';
import { Actor, PageQuery, ParseIdPipe } from '@sanshe/common';
import { CurrentActor, Roles } from '@sanshe/auth';
import { MarkedResponse, NotificationPageResponse } from './notifications.response';
import { NotificationsService } from './notifications.service';

export class ListNotificationsQuery extends PageQuery {
  @ApiPropertyOptional({ description: '只看未读 / unread only' })
  @IsOptional() @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value)) @IsBoolean()
  unread?: boolean;
}

@ApiTags('notifications 消息')
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @Roles()
  @ApiOperation({ summary: '我的消息 / My notifications in this district, with the unread count' })
  @ApiOkResponse({ type: NotificationPageResponse })
  list(@CurrentActor() actor: Actor, @Query() query: ListNotificationsQuery) {
    return this.notifications.listMine(actor, query);
  }

  @Post(':id/read')
  @Roles()
  @HttpCode(204)
  async read(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string): Promise<void> {
    await this.notifications.markRead(actor, id);
  }

  @Post('read-all')
  @Roles()
  @HttpCode(200)
  @ApiOkResponse({ type: MarkedResponse })
  async readAll(@CurrentActor() actor: Actor) {
    return { marked: await this.notifications.markAllRead(actor) };
  }
}
