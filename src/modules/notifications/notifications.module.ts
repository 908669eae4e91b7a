import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MembershipInvitedHandler } from './membership-invited.handler';
import { NotificationEntity } from './notification.entity';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';
import { LogTransport } from './transports/log.transport';
import { MESSAGE_TRANSPORT } from './transports/message-transport';

/** Notifications: in-app messages and outgoing e-mail/SMS, driven by domain events. */
@Module({
  imports: [TypeOrmModule.forFeature([NotificationEntity])],
  controllers: [NotificationsController],
  providers: [NotificationsService, MembershipInvitedHandler, { provide: MESSAGE_TRANSPORT, useClass: LogTransport }],
  exports: [NotificationsService],
})
export class NotificationsModule {}
