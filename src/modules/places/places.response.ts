import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/* Response bodies of this controller's operations, as documented in the OpenAPI contract. */

export class PlacePath {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String, example: "测试区5" }) name: string;
  @ApiProperty({ type: String, example: "district" }) kind: string;
}

export class PlaceResponse {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String, format: 'uuid' }) tenantId: string;
  @ApiProperty({ type: String, format: 'uuid' }) parentId: string;
  @ApiProperty({ type: String, example: "community" }) level: string;
  @ApiProperty({ type: String, example: "community" }) kind: string;
  @ApiProperty({ type: String, example: "晋阳社区" }) name: string;
  @ApiProperty({ type: String, nullable: true }) divisionCode: string | null;
  @ApiProperty({ type: String, example: "active" }) status: string;
  @ApiProperty({ type: Number, example: 1 }) version: number;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: string;
  @ApiProperty({ type: () => [PlacePath] }) path: PlacePath[];
  @ApiProperty({ type: Number, example: 0 }) childCount: number;
}


export class PlacesTreeResponse {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String, example: "district" }) kind: string;
  @ApiProperty({ type: String, example: "district" }) level: string;
  @ApiProperty({ type: String, example: "测试区1" }) name: string;
  @ApiProperty({ type: String, example: "422503" }) divisionCode: string;
  @ApiProperty({ type: Number, example: 1 }) version: number;
  @ApiProperty({ type: () => [PlacesTreeResponse] }) children: PlacesTreeResponse[];
}


export class PlaceSummary {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) parentId: string | null;
  @ApiProperty({ type: String, example: "community" }) level: string;
  @ApiProperty({ type: String, example: "community" }) kind: string;
  @ApiProperty({ type: String, example: "晋阳社区" }) name: string;
  @ApiProperty({ type: String, example: "331426", nullable: true }) divisionCode: string | null;
  @ApiProperty({ type: String, example: "active" }) status: string;
  @ApiProperty({ type: Number, example: 1 }) version: number;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: string;
}


export class PlacesCreateResponse {
  @ApiProperty({ type: String, format: 'uuid' }) tenantId: string;
  @ApiProperty({ type: String, format: 'uuid' }) parentId: string;
  @ApiProperty({ type: String, example: "street" }) level: string;
  @ApiProperty({ type: String, example: "street" }) kind: string;
  @ApiProperty({ type: String, example: "角色街道" }) name: string;
  @ApiProperty({ type: String, nullable: true }) divisionCode: string | null;
  @ApiProperty({ type: String, example: "active" }) status: string;
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: Number, example: 1 }) version: number;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: string;
}

