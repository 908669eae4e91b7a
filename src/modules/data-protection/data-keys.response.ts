import { ApiProperty } from '@nestjs/swagger';

/** Progress of one re-encryption after a district field-key rotation (`FieldReencryptor.progress`). */
export class KeyRotationProgressResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: '新密钥编号 / the key values are moved to' }) targetKeyId: string;
  @ApiProperty({ enum: ['running', 'done', 'superseded'] }) status: 'running' | 'done' | 'superseded';
  @ApiProperty({ description: '需重新加密的值 / values to re-encrypt', example: 1200 }) total: number;
  @ApiProperty({ description: '已完成 / values done', example: 500 }) done: number;
  @ApiProperty({ example: 1 }) batches: number;
  @ApiProperty({ type: String, format: 'date-time' }) startedAt: Date;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: Date;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finishedAt: Date | null;
}
