import {
  CallHandler, Controller, Delete, ExecutionContext, Get, HttpCode, Injectable, NestInterceptor, Param, PayloadTooLargeException, Post, Query,
  Res, StreamableFile, UploadedFile, UseInterceptors, Body,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Observable, catchError, throwError } from 'rxjs';
import { Actor, ParseIdPipe } from '@sanshe/common';
import { ApiContract, CurrentActor, Returns, Roles } from '@sanshe/auth';
import { ListAttachmentsQuery, UploadAttachmentDto } from './attachment.dto';
import { AttachmentsErrorCode, attachmentsError } from './attachments.errors';
import { AttachmentsService, MAX_ATTACHMENT_BYTES, UploadedFileLike } from './attachments.service';
import { AttachmentsListResponse, AttachmentsUploadResponse } from './attachments.response';

/** multer's "file too large" becomes this module's 413 with the limit in the message. */
@Injectable()
class AttachmentTooLargeInterceptor implements NestInterceptor {
  intercept(_ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((err) => throwError(() => (err instanceof PayloadTooLargeException
        ? attachmentsError(AttachmentsErrorCode.ATTACHMENT_TOO_LARGE, { max: MAX_ATTACHMENT_BYTES })
        : err))),
    );
  }
}

@ApiContract()
@ApiTags('attachments 附件')
@Controller('attachments')
export class AttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @Post()
  @Roles()
  @UseInterceptors(
    AttachmentTooLargeInterceptor,
    FileInterceptor('file', { limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1, fields: 5, fieldSize: 1024 } }),
  )
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file', 'ownerType', 'ownerId', 'kind'],
      properties: { file: { type: 'string', format: 'binary' }, ownerType: { type: 'string' }, ownerId: { type: 'string' }, kind: { type: 'string' } },
    },
  })
  @Returns(AttachmentsUploadResponse)
  @ApiOperation({ summary: '上传附件 / Upload a document (PDF, JPG, PNG, docx, xlsx; ≤10 MB)' })
  upload(@UploadedFile() file: UploadedFileLike | undefined, @Body() dto: UploadAttachmentDto, @CurrentActor() actor: Actor) {
    return this.attachments.upload(file, dto, actor);
  }

  @Returns(AttachmentsListResponse)
  @Get()
  @Roles()
  @ApiOperation({ summary: '附件列表 / Documents of a record' })
  list(@Query() query: ListAttachmentsQuery, @CurrentActor() actor: Actor) {
    return this.attachments.list(query.ownerType, query.ownerId, actor);
  }

  @Returns('file', { description: 'the file, with the content type it was recognised as (PDF, JPG, PNG, docx, xlsx)' })
  @Get(':id/content')
  @Roles()
  @ApiOperation({ summary: '下载附件 / Download a document' })
  async download(@Param('id', ParseIdPipe) id: string, @CurrentActor() actor: Actor, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const { file, sha256 } = await this.attachments.download(id, actor);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'private, no-store');
    res.setHeader('ETag', `"${sha256}"`);
    return file;
  }

  @Delete(':id')
  @Roles()
  @HttpCode(204)
  @ApiOperation({ summary: '删除附件 / Remove a document (kept in the audit trail)' })
  remove(@Param('id', ParseIdPipe) id: string, @CurrentActor() actor: Actor) {
    return this.attachments.remove(id, actor);
  }
}
