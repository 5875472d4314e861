import { Module } from '@nestjs/common';
import { DirectoryModule } from '@amparo/directory';
import { IdentityModule } from '@amparo/identity';
import { PracticeSeedingModule } from '@amparo/practices';
import { DemoOnFirstStart } from './demo-on-first-start';
import { DemoPasswordReset } from './demo-password-reset';
import { DemoSeeder } from './demo-seeder';

/**
 * The synthetic demo network for trying Amparo out: its data, its seeder and the first-start hook
 * of the embedded default. Writes only through the directory's, identity's and the catalogue's services.
 */
@Module({
  imports: [IdentityModule, DirectoryModule, PracticeSeedingModule],
  providers: [DemoSeeder, DemoOnFirstStart, DemoPasswordReset],
  exports: [DemoSeeder, DemoOnFirstStart, DemoPasswordReset],
})
export class DemoModule {}
