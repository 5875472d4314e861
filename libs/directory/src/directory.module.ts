import { Module } from '@nestjs/common';
import { IdentityModule } from '@amparo/identity';
import { ConsulatesService } from './consulates/consulates.service';
import { CountriesService } from './countries/countries.service';
import { ReferenceChecks } from './countries/reference-checks';
import { DirectoryPortsModule } from './directory-ports.module';
import { DirectoryScope } from './directory-scope';
import { OfficialsService } from './officials/officials.service';
import { OrganisationsService } from './organisations/organisations.service';
import { DirectorySeeding } from './seeding/directory-seeding';

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
    DirectorySeeding,
  ],
  exports: [
    ReferenceChecks,
    CountriesService,
    ConsulatesService,
    OfficialsService,
    OrganisationsService,
    DirectorySeeding,
  ],
})
export class DirectoryModule {}
