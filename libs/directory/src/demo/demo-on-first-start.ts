import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '@amparo/core';
import { DataSource } from 'typeorm';
import { DemoSeeder, formatDemoSeed } from './demo-seeder';

/**
 * The embedded default (a newcomer trying Amparo out) starts with the demo network: seeded once,
 * while there are no consulates, with the demo users' passwords printed on the console.
 * It needs nothing of BootstrapAdmin (which Nest bootstraps first anyway: DirectoryModule imports
 * IdentityModule, and deeper modules are bootstrapped before the modules that import them).
 */
@Injectable()
export class DemoOnFirstStart implements OnApplicationBootstrap {
  private readonly logger = new Logger('DemoNetwork');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly seeder: DemoSeeder,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.database.mode !== 'embedded' || this.config.env === 'test') return;
    const [{ any }] = await this.dataSource.query<{ any: boolean }[]>(
      'SELECT EXISTS (SELECT 1 FROM consulates) AS any',
    );
    if (any) return;
    const result = await this.seeder.seed();
    this.logger.log('Seeded the demo network (npm run seed:demo)');
    process.stdout.write(formatDemoSeed(result));
  }
}
