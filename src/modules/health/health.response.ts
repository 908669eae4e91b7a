import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/* Response bodies of this controller's operations, as documented in the OpenAPI contract. */

export class HealthDatabaseCheck {
  @ApiProperty({ type: String, example: "up" }) status: string;
  @ApiProperty({ type: Number, example: 4 }) latencyMs: number;
}


export class HealthRedisCheck {
  @ApiProperty({ type: String, example: "up" }) status: string;
  @ApiProperty({ type: Number, example: 2 }) latencyMs: number;
  @ApiPropertyOptional({ type: String }) error?: string;
}

export class HealthChecks {
  @ApiProperty({ type: () => HealthDatabaseCheck }) database: HealthDatabaseCheck;
  @ApiProperty({ type: () => HealthRedisCheck }) redis: HealthRedisCheck;
}


export class HealthResponse {
  @ApiProperty({ type: String, example: "ok" }) status: string;
  @ApiProperty({ type: () => HealthChecks }) checks: HealthChecks;
  @ApiProperty({ type: Number, example: 490 }) uptimeSeconds: number;
}

