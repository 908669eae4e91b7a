import { Injectable, StreamableFile } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { IsNull } from 'typeorm';
import type { Actor } from '@sanshe/common';
import { Clock } from '@sanshe/common/clock';
import { AuditService } from '@sanshe/audit';
import { TenantContext } from '@sanshe/tenancy';
import { AttachmentEntity } from './attachment.entity';
import { AttachmentPolicyRegistry } from './attachment-policy.registry';
import { AttachmentsErrorCode, attachmentsError } from './attachments.errors';
import { ALLOWED_TYPES, cleanFilename, extensionType, sniffFileType } from './file-type';

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** The parts of a multer file the service uses (multer's own types are not installed). */
export interface UploadedFileLike {
  originalname: string;
  mimetype: string;
  size: number;
  buffer: Buffer;
}

export interface AttachmentView {
  id: string;
  ownerType: string;
  ownerId: string;
  kind: string;
  kindLabel: { zh: string; en: string } | null;
  filename: string;
  mime: string;
  size: number;
  sha256: string;
  uploadedBy: string | null;
  createdAt: Date;
  downloadUrl: string;
}

/**
 * Stores documents for any module and serves them back only to those the owning module's policy allows. Files are
 * judged by their content (magic bytes), kept with a SHA-256 checksum, and removed softly (the row stays for the
 * audit trail). Storage is a bytea column in Postgres for now; the service is the only place that would change for
 * an object store.
 */
@Injectable()
export class AttachmentsService {
  constructor(
    private readonly clock: Clock,
    private readonly ctx: TenantContext,
    private readonly policies: AttachmentPolicyRegistry,
    private readonly audit: AuditService,
  ) {}

  private get repo() {
    return this.ctx.repo(AttachmentEntity);
  }

  async upload(file: UploadedFileLike | undefined, owner: { ownerType: string; ownerId: string; kind: string }, actor: Actor): Promise<AttachmentView> {
    const policy = this.policies.get(owner.ownerType);
    if (!policy.kinds[owner.kind]) throw attachmentsError(AttachmentsErrorCode.ATTACHMENT_KIND_UNKNOWN, { kind: owner.kind, allowed: Object.keys(policy.kinds) });
    if (!(await policy.canWrite(owner.ownerId, actor, owner.kind))) throw attachmentsError(AttachmentsErrorCode.ATTACHMENT_OWNER_NOT_FOUND);
    if (!file) throw attachmentsError(AttachmentsErrorCode.ATTACHMENT_FILE_REQUIRED);
    const content = file.buffer;
    if (!content?.length) throw attachmentsError(AttachmentsErrorCode.ATTACHMENT_EMPTY);
    if (content.length > MAX_ATTACHMENT_BYTES) throw attachmentsError(AttachmentsErrorCode.ATTACHMENT_TOO_LARGE, { size: content.length, max: MAX_ATTACHMENT_BYTES });
    const detected = sniffFileType(content);
    if (!detected) throw attachmentsError(AttachmentsErrorCode.ATTACHMENT_TYPE_NOT_ALLOWED, { allowed: Object.keys(ALLOWED_TYPES) });
    const filename = cleanFilename(file.originalname ?? '');
    const claimed = extensionType(filename);
    const declared = (file.mimetype ?? '').toLowerCase();
    if (claimed !== detected.ext || (declared && declared !== detected.mime && declared !== 'application/octet-stream')) {
      throw attachmentsError(AttachmentsErrorCode.ATTACHMENT_TYPE_MISMATCH, { detected: detected.ext, filename, declaredType: declared || null }, {
        zh: `文件内容是 ${detected.label}，但文件名或声明的类型与之不符，请检查后重新上传`,
        en: `The content is ${detected.label}, but the file name or declared type says otherwise`,
      });
    }
    const sha256 = createHash('sha256').update(content).digest('hex');
    const row = this.repo.create({
      tenantId: this.ctx.tenantId(), ownerType: owner.ownerType, ownerId: owner.ownerId, kind: owner.kind, filename,
      mime: detected.mime, size: content.length, sha256, content, uploadedBy: actor.userId,
    });
    await this.repo.insert(row);
    const saved = await this.find(row.id);
    const view = this.present(saved);
    await this.audit.record({ action: 'attachment.uploaded', entityType: 'attachment', entityId: saved.id, after: view });
    return view;
  }

  async list(ownerType: string, ownerId: string, actor: Actor): Promise<{ items: AttachmentView[]; total: number }> {
    const policy = this.policies.get(ownerType);
    if (!(await policy.canRead(ownerId, actor))) throw attachmentsError(AttachmentsErrorCode.ATTACHMENT_OWNER_NOT_FOUND);
    const all = await this.listFor(ownerType, ownerId);
    const readable = new Map<string, boolean>();
    for (const kind of new Set(all.map((a) => a.kind))) readable.set(kind, await policy.canRead(ownerId, actor, kind));
    const items = all.filter((a) => readable.get(a.kind));
    return { items, total: items.length };
  }

  /** For owning modules that already checked access (e.g. to show documents on their own record). */
  async listFor(ownerType: string, ownerId: string): Promise<AttachmentView[]> {
    const rows = await this.repo.find({ where: { ownerType, ownerId, deletedAt: IsNull() }, order: { createdAt: 'ASC' } });
    return rows.map((r) => this.present(r));
  }

  /** Which kinds of document an owner currently has (e.g. to check a registration is complete). */
  async kindsPresent(ownerType: string, ownerId: string): Promise<string[]> {
    const rows: Array<{ kind: string }> = await this.ctx.manager().query(
      `SELECT DISTINCT kind FROM attachments WHERE owner_type = $1 AND owner_id = $2 AND deleted_at IS NULL`, [ownerType, ownerId]);
    return rows.map((r) => r.kind);
  }

  async download(id: string, actor: Actor): Promise<{ file: StreamableFile; sha256: string }> {
    const meta = await this.find(id);
    if (!(await this.policies.get(meta.ownerType).canRead(meta.ownerId, actor, meta.kind))) throw attachmentsError(AttachmentsErrorCode.ATTACHMENT_NOT_FOUND, { id });
    const [row]: Array<{ content: Buffer }> = await this.ctx.manager().query(`SELECT content FROM attachments WHERE id = $1`, [id]);
    const file = new StreamableFile(row.content, {
      type: meta.mime,
      length: meta.size,
      disposition: `attachment; filename="${meta.filename.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(meta.filename)}`,
    });
    return { file, sha256: meta.sha256 };
  }

  async remove(id: string, actor: Actor): Promise<void> {
    const meta = await this.find(id);
    const policy = this.policies.get(meta.ownerType);
    if (!(await policy.canRead(meta.ownerId, actor, meta.kind))) throw attachmentsError(AttachmentsErrorCode.ATTACHMENT_NOT_FOUND, { id });
    if (!(await policy.canWrite(meta.ownerId, actor, meta.kind))) throw attachmentsError(AttachmentsErrorCode.ATTACHMENT_OWNER_NOT_FOUND);
    await this.repo.update({ id }, { deletedAt: this.clock.now(), deletedBy: actor.userId });
    await this.audit.record({ action: 'attachment.deleted', entityType: 'attachment', entityId: id, before: this.present(meta) });
  }

  private async find(id: string): Promise<AttachmentEntity> {
    const row = await this.repo.findOne({ where: { id } });
    if (!row || row.deletedAt) throw attachmentsError(AttachmentsErrorCode.ATTACHMENT_NOT_FOUND, { id });
    return row;
  }

  private present(r: AttachmentEntity): AttachmentView {
    let kindLabel: { zh: string; en: string } | null = null;
    try {
      kindLabel = this.policies.get(r.ownerType).kinds[r.kind] ?? null;
    } catch {
      kindLabel = null;
    }
    return {
      id: r.id, ownerType: r.ownerType, ownerId: r.ownerId, kind: r.kind, kindLabel, filename: r.filename, mime: r.mime,
      size: r.size, sha256: r.sha256, uploadedBy: r.uploadedBy, createdAt: r.createdAt, downloadUrl: `/api/v1/attachments/${r.id}/content`,
    };
  }
}
