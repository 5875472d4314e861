import { Global, Module } from '@nestjs/common';
import { OrganisationCountries, PostCountries } from '@amparo/identity';
import { ConsulatePostCountries } from './consulates/consulate-post-countries';
import { OrganisationManagingCountries } from './organisations/organisation-managing-countries';

/**
 * The ports lower contexts declare and the directory implements (identity's PostCountries and
 * OrganisationCountries). Global because identity cannot import the directory; it depends on
 * nothing of the directory's own module, so no module cycle.
 */
@Global()
@Module({
  providers: [
    { provide: PostCountries, useClass: ConsulatePostCountries },
    { provide: OrganisationCountries, useClass: OrganisationManagingCountries },
  ],
  exports: [PostCountries, OrganisationCountries],
})
export class DirectoryPortsModule {}
