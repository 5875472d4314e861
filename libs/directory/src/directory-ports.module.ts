import { Global, Module } from '@nestjs/common';
import { PostCountries } from '@amparo/identity';
import { ConsulatePostCountries } from './consulates/consulate-post-countries';

/**
 * The ports lower contexts declare and the directory implements (identity's PostCountries).
 * Global because identity cannot import the directory; it depends on nothing of the directory's
 * own module, so no module cycle.
 */
@Global()
@Module({
  providers: [{ provide: PostCountries, useClass: ConsulatePostCountries }],
  exports: [PostCountries],
})
export class DirectoryPortsModule {}
