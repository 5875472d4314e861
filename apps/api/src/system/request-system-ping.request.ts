import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export class RequestSystemPingRequest {
  @ApiPropertyOptional({
    minimum: 0,
    maximum: 5000,
    default: 0,
    description: 'Simulated work in ms',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(5000)
  delayMs?: number;
}
