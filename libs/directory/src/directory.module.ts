import { Module } from '@nestjs/common';
import { IdentityModule } from '@amparo/identity';
import { ConsulatesService } from './consulates/consulates.service';
import { CountriesService } from './countries/countries.service';
import { ReferenceChecks } from './countries/reference-checks';
import { DemoOnFirstStart } from './demo/demo-on-first-start';
import { DemoSeeder } from './demo/demo-seeder';
import { DirectoryPortsModule } from './directory-ports.module';
import { DirectoryScope } from './directory-scope';
import { OfficialsService } from './officials/officials.service';
import { OrganisationsService } from './organisations/organisations.service';

/** Countries and subdivisions, consulates, accredited officials and referral organisations. */
@Module({
  imports: [IdentityModule, DirectoryPortsModule],
  providers: [
    ReferenceChecks,
    DirectoryScope,
    CountriesService,
    ConsulatesService,
    OfficialsService,
    OrganisationsService,
    DemoSeeder,
    DemoOnFirstStart,
  ],
  exports: [
    ReferenceChecks,
    CountriesService,
    ConsulatesService,
    OfficialsService,
    OrganisationsService,
    DemoSeeder,
  ],
})
export class DirectoryModule {}
