import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '@sanshe/common';
import { MembersModule } from '../members/members.module';
import { MembershipInvitedHandler } from './membership-invited.handler';
import { NotificationEntity } from './notification.entity';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';
import { ChannelTransport } from './transports/channel.transport';
import { LogTransport } from './transports/log.transport';
import { MailboxSmsTransport } from './transports/mailbox-sms.transport';
import { EMAIL_TRANSPORT, MESSAGE_TRANSPORT, MessageTransport, SMS_TRANSPORT } from './transports/message-transport';
import { SmtpTransport } from './transports/smtp.transport';

/** Notifications: in-app messages and outgoing e-mail/SMS, driven by domain events. */
@Module({
  imports: [TypeOrmModule.forFeature([NotificationEntity]), MembersModule],
  controllers: [NotificationsController],
  providers: [
    NotificationsService,
    MembershipInvitedHandler,
    {
      provide: EMAIL_TRANSPORT,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): MessageTransport => (config.smtpUrl ? new SmtpTransport(config.smtpUrl, config.mailFrom) : new LogTransport()),
    },
    {
      provide: SMS_TRANSPORT,
      inject: [APP_CONFIG, EMAIL_TRANSPORT],
      useFactory: (config: AppConfig, email: MessageTransport) => (config.smsTransport === 'mailbox' ? new MailboxSmsTransport(email) : new LogTransport()),
    },
    { provide: MESSAGE_TRANSPORT, useClass: ChannelTransport },
  ],
  exports: [NotificationsService],
})
export class NotificationsModule {}
