import { ApiProperty } from '@nestjs/swagger';

/** A text a user reads, in both languages of the network. */
export class BilingualResponse {
  @ApiProperty() es!: string;
  @ApiProperty() en!: string;
}
