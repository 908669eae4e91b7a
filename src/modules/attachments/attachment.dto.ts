import { ApiProperty } from '@nestjs/swagger';
import { IsUUID, Matches } from 'class-validator';

/** The form fields sent with the file (multipart/form-data). */
export class UploadAttachmentDto {
  @ApiProperty({ example: 'organisation' }) @Matches(/^[a-z_]{2,40}$/) ownerType: string;
  @ApiProperty() @IsUUID() ownerId: string;
  @ApiProperty({ example: 'registration_certificate' }) @Matches(/^[a-z_]{2,40}$/) kind: string;
}

export class ListAttachmentsQuery {
  @ApiProperty({ example: 'organisation' }) @Matches(/^[a-z_]{2,40}$/) ownerType: string;
  @ApiProperty() @IsUUID() ownerId: string;
}
