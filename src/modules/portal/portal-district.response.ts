import { ApiProperty } from '@nestjs/swagger';

export class PortalDistrictResponse {
  @ApiProperty({ type: String, example: '510107' }) code: string;
  @ApiProperty({ type: String, example: '武侯区' }) name: string;
}
