import { ErrorCatalogue, errorFactory } from '@sanshe/common';

export enum AttachmentsErrorCode {
  ATTACHMENT_NOT_FOUND = 'ATTACHMENT_NOT_FOUND',
  ATTACHMENT_OWNER_NOT_FOUND = 'ATTACHMENT_OWNER_NOT_FOUND',
  ATTACHMENT_FILE_REQUIRED = 'ATTACHMENT_FILE_REQUIRED',
  ATTACHMENT_EMPTY = 'ATTACHMENT_EMPTY',
  ATTACHMENT_TOO_LARGE = 'ATTACHMENT_TOO_LARGE',
  ATTACHMENT_TYPE_NOT_ALLOWED = 'ATTACHMENT_TYPE_NOT_ALLOWED',
  ATTACHMENT_TYPE_MISMATCH = 'ATTACHMENT_TYPE_MISMATCH',
  ATTACHMENT_OWNER_TYPE_UNKNOWN = 'ATTACHMENT_OWNER_TYPE_UNKNOWN',
  ATTACHMENT_KIND_UNKNOWN = 'ATTACHMENT_KIND_UNKNOWN',
}

export const ATTACHMENTS_ERRORS: ErrorCatalogue<AttachmentsErrorCode> = {
  ATTACHMENT_NOT_FOUND: { status: 404, zh: '找不到该附件', en: 'Attachment not found' },
  ATTACHMENT_OWNER_NOT_FOUND: { status: 404, zh: '找不到附件所属的记录，或您无权为其上传附件', en: 'The record does not exist or you may not attach files to it' },
  ATTACHMENT_FILE_REQUIRED: { status: 400, zh: '请选择要上传的文件（字段名 file）', en: 'Choose a file to upload (form field "file")' },
  ATTACHMENT_EMPTY: { status: 400, zh: '文件是空的', en: 'The file is empty' },
  ATTACHMENT_TOO_LARGE: { status: 413, zh: '文件不能超过 10 MB', en: 'Files may be at most 10 MB' },
  ATTACHMENT_TYPE_NOT_ALLOWED: {
    status: 415,
    zh: '只能上传 PDF、JPG、PNG、Word (docx) 或 Excel (xlsx) 文件',
    en: 'Only PDF, JPG, PNG, Word (docx) or Excel (xlsx) files can be uploaded',
  },
  ATTACHMENT_TYPE_MISMATCH: { status: 415, zh: '文件扩展名或类型与文件实际内容不符', en: 'The file name or declared type does not match the file content' },
  ATTACHMENT_OWNER_TYPE_UNKNOWN: { status: 400, zh: '不支持为该类记录上传附件', en: 'Attachments are not supported for this kind of record' },
  ATTACHMENT_KIND_UNKNOWN: { status: 400, zh: '不是该类记录允许的附件类别', en: 'Not an attachment kind this record accepts' },
};

export const attachmentsError = errorFactory(ATTACHMENTS_ERRORS);
