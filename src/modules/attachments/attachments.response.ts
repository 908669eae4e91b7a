import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LocalisedLabel } from '@sanshe/common';

/* Response bodies of this controller's operations, as documented in the OpenAPI contract. */

export class AttachmentsUploadResponse {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String, example: "organisation" }) ownerType: string;
  @ApiProperty({ type: String, format: 'uuid' }) ownerId: string;
  @ApiProperty({ type: String, example: "registration_certificate" }) kind: string;
  @ApiProperty({ type: () => LocalisedLabel }) kindLabel: LocalisedLabel;
  @ApiProperty({ type: String, example: "registration_certificate.pdf" }) filename: string;
  @ApiProperty({ type: String, example: "application/pdf" }) mime: string;
  @ApiProperty({ type: Number, example: 45 }) size: number;
  @ApiProperty({ type: String }) sha256: string;
  @ApiProperty({ type: String, format: 'uuid' }) uploadedBy: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String }) downloadUrl: string;
}

export class AttachmentsListResponse {
  @ApiProperty({ type: () => [AttachmentsUploadResponse] }) items: AttachmentsUploadResponse[];
  @ApiProperty({ type: Number, example: 3 }) total: number;
}

