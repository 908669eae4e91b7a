import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Min } from 'class-validator';

/** The optimistic-lock body of a command on an editable record; one class, so the document has one `VersionDto`. */
export class VersionDto {
  @ApiProperty({ description: '读取时的版本号 / the version you read', example: 1, minimum: 1 }) @IsInt() @Min(1) version: number;
}
