import { ApiProperty } from '@nestjs/swagger';

/** A code's display name in both languages (status, role, type labels beside their codes). */
export class LocalisedLabel {
  @ApiProperty({ example: '已核验' }) zh: string;
  @ApiProperty({ example: 'Verified' }) en: string;
}
