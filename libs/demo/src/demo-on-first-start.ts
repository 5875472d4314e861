import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@amparo/core';
import { DirectorySeeding } from '@amparo/directory';
import { DemoCredential, frameDemoCredentials } from './demo-credentials-frame';
import { DemoSeeder, formatDemoSeedCounts } from './demo-seeder';

/**
 * The embedded default (a newcomer trying Amparo out) starts with the demo network: seeded once,
 * while there are no consulates. The demo users' passwords are kept until the API is listening,
 * then printed last (`takeCredentialsNotice`), where a hundred log lines cannot bury them.
 * It needs nothing of BootstrapAdmin (which Nest bootstraps first anyway: DemoModule imports
 * IdentityModule, and deeper modules are bootstrapped before the modules that import them).
 */
@Injectable()
export class DemoOnFirstStart implements OnApplicationBootstrap {
  private readonly logger = new Logger('DemoNetwork');
  private credentials: DemoCredential[] = [];

  constructor(
    private readonly directory: DirectorySeeding,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly seeder: DemoSeeder,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.database.mode !== 'embedded' || this.config.env === 'test') return;
    if (await this.directory.hasConsulates()) return;
    const result = await this.seeder.seed();
    this.logger.log(`Seeded the demo network: ${formatDemoSeedCounts(result).join('; ')}`);
    this.credentials = result.credentials;
  }

  /**
   * The framed passwords of the users this start created (the demo users, and `others` such as a
   * generated first administrator), once; '' when there are none.
   */
  takeCredentialsNotice(others: DemoCredential[] = []): string {
    const credentials = [...others, ...this.credentials];
    const heading = this.credentials.length
      ? 'Amparo demo users / Usuarios de demostración de Amparo'
      : 'Amparo users / Usuarios de Amparo';
    this.credentials = [];
    if (!credentials.length) return '';
    return `${frameDemoCredentials(credentials, heading)}\n`;
  }
}
