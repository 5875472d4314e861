import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PostCountries } from '@amparo/identity';
import { DataSource, EntityManager } from 'typeorm';

/** The directory's answer to identity's PostCountries port. */
@Injectable()
export class ConsulatePostCountries extends PostCountries {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  async countryOf(
    consulateId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<string | null> {
    const [row] = await manager.query<{ country: string }[]>(
      `SELECT sending_country_code AS country FROM consulates WHERE id = $1`,
      [consulateId],
    );
    return row?.country ?? null;
  }
}
