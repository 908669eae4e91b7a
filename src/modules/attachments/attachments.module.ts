import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AttachmentEntity } from './attachment.entity';
import { AttachmentPolicyRegistry } from './attachment-policy.registry';
import { AttachmentsController } from './attachments.controller';
import { AttachmentsService } from './attachments.service';

/**
 * Attachments: documents of any module (owner type + id), checked by content, stored with a checksum, served only
 * to those the owning module's policy (registered in AttachmentPolicyRegistry) allows.
 */
@Module({
  imports: [TypeOrmModule.forFeature([AttachmentEntity])],
  controllers: [AttachmentsController],
  providers: [AttachmentsService, AttachmentPolicyRegistry],
  exports: [AttachmentsService, AttachmentPolicyRegistry],
})
export class AttachmentsModule {}
