import { type DynamicModule, Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../../libs/config/src';
import { StaffDirectory } from '../../../libs/directory/src';
import { CaseCommands } from './cases/case-commands';
import { CaseOpening } from './cases/case-opening';
import { CaseReadModel } from './cases/case-read-model';
import { CaseReports } from './cases/case-reports';
import { CaseCommandDispatch } from './cases/commands/case-command-dispatch';
import { CaseLinkChecks } from './cases/links/case-link-checks';
import { CaseStaffChecks } from './cases/staffing/case-staff-checks';
import { ForumMeetings } from './forums/forum-meetings';
import { NotificationOutbox } from './notifications/notification-outbox';
import { PolicyVersionSource } from './policy/policy-version-source';
import { TemporalClient } from './temporal/temporal-client';

/**
 * What acts on and reads cases: the configuration, the staff directory, the one Temporal connection,
 * the one command path, opening, the read model, the reports, forum meetings, the outbox, and the
 * policy versions a case may run under. The API and the console each import it once, at their root,
 * so that a page acts through the same code as the API's route for it, and every feature module (PSPOs
 * too) shares one connection and one directory instead of making its own.
 */
@Module({})
export class CaseServicesModule {
  static forRoot(config: AppConfig): DynamicModule {
    const services = [TemporalClient, CaseCommands, CaseCommandDispatch, CaseOpening, CaseReadModel, CaseLinkChecks, CaseStaffChecks, CaseReports, ForumMeetings, NotificationOutbox, PolicyVersionSource];
    return {
      module: CaseServicesModule,
      global: true,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: StaffDirectory, useFactory: () => StaffDirectory.fromFile(config.directoryPath) },
        ...services,
      ],
      exports: [APP_CONFIG, StaffDirectory, ...services],
    };
  }
}
