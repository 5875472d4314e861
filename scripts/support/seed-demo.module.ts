import { AuditModule } from '@amparo/audit';
import { AppConfig, ConfigModule } from '@amparo/core';
import { DatabaseModule } from '@amparo/database';
import { DemoSeeder } from '@amparo/demo';
import { DirectoryModule } from '@amparo/directory';
import { IdentityModule } from '@amparo/identity';
import { PracticeSeedingModule } from '@amparo/practices';
import { DynamicModule, Module } from '@nestjs/common';

// The seeder without DemoModule, whose first-start hook would seed and print too.
// The seeder writes through the directory, identity and the catalogue's seeding; IdentityModule also brings BootstrapAdmin:
// an empty embedded database gets its first admin.
@Module({})
export class SeedDemoModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: SeedDemoModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule,
        AuditModule,
        IdentityModule,
        DirectoryModule,
        PracticeSeedingModule,
      ],
      providers: [DemoSeeder],
    };
  }
}
