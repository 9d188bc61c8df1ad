import { type DynamicModule, Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../../../libs/config/src';
import { StaffDirectory } from '../../../../libs/directory/src';
import { PolicyVersionSource } from '../policy/policy-version-source';
import { TemporalClient } from '../temporal/temporal-client';
import { PspoOrders } from './pspo-orders';
import { PsposController } from './pspos.controller';

/**
 * Public Spaces Protection Orders: the routes, and what they act through. Its own module so that PSPOs
 * stay apart from cases; the staff directory (the owner) and the Temporal client (the order's
 * workflow) are its own instances of the API's, from the same configuration.
 */
@Module({})
export class PspoModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: PspoModule,
      controllers: [PsposController],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: StaffDirectory, useFactory: () => StaffDirectory.fromFile(config.directoryPath) },
        TemporalClient,
        PolicyVersionSource,
        PspoOrders,
      ],
    };
  }
}
