import { ApiProperty } from '@nestjs/swagger';

export class AssignableOfficer {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() displayName!: string;
}

export class AssignableOfficersResponse {
  @ApiProperty({ type: [AssignableOfficer] }) items!: AssignableOfficer[];
}
