import { LoggerModule } from 'nestjs-pino';
import type { Logger as PinoLogger } from 'pino';
import { createLogger, requestLogging } from '../../../libs/observability/src';
import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import type { AppConfig } from '../../../libs/config/src';
import { ormConfig } from '../../../libs/persistence/src';
import { AuditInterceptor } from '../../api/src/audit/audit.interceptor';
import { CaseServicesModule } from '../../api/src/case-services.module';
import { CasePagesController } from './pages/case-pages.controller';
import { MyCasesController } from './my-cases/my-cases.controller';
import { WebHealthController } from './health.controller';
import { ErrorPagesFilter } from './pages/error-pages.filter';
import { SignedInGuard } from './pages/signed-in';
import { loadSignInConfig } from './sign-in/sign-in-config';
import { SignInModule } from './sign-in/sign-in.module';
import { WEB_CONFIG, type WebConfig } from './web-config';
import { TeamPagesController } from './team/team-pages.controller';
import { TeamOverview } from './team/team-overview';
import { LegalPagesController } from './legal/legal-pages.controller';
import { LegalQueue } from './legal/legal-queue';
import { PartnerPagesController } from './partner/partner-pages.controller';
import { ForumPagesController } from './forums/forum-pages.controller';
import { AdminPagesController } from './admin/admin-pages.controller';
import { SubjectAccessPagesController } from './admin/subject-access-pages.controller';
import { NextSteps } from './commands/next-steps';
import { OpeningController } from './opening/opening.controller';
import { CommandFormsController } from './commands/command-forms.controller';
import { EvidencePagesController } from './evidence/evidence-pages.controller';
import { EvidenceShelves } from './evidence/evidence-shelf';
import { DocumentPagesController } from './documents/document-pages.controller';
import { DocumentShelves } from './documents/document-shelf';
import { CaseDocuments } from '../../api/src/documents/case-documents';
import { EvidenceLocker } from '../../api/src/evidence/evidence-locker';
import { OBJECT_STORE, openObjectStore } from '../../../libs/storage/src';

/**
 * The console: server-rendered pages over the same read model and access policy as the API
 * (`CaseReadModel`, `apps/api/src/auth/access-policy.ts`) and audit, never a copy of any.
 */
@Module({})
export class WebModule {
  static forRoot(config: AppConfig, web: WebConfig, logger: PinoLogger = createLogger(config.logLevel)): DynamicModule {
    return {
      module: WebModule,
      imports: [
        MikroOrmModule.forRoot(ormConfig(config.databaseUrl)),
        CaseServicesModule.forRoot(config),
        SignInModule.forRoot(config.databaseUrl, loadSignInConfig(config, web)),
        // JSON lines with the request id and, on a case's pages, its reference, as the API writes them.
        LoggerModule.forRoot({ pinoHttp: requestLogging(logger) }),
      ],
      controllers: [MyCasesController, OpeningController, CommandFormsController, CasePagesController, WebHealthController, TeamPagesController, LegalPagesController, PartnerPagesController, ForumPagesController, AdminPagesController, SubjectAccessPagesController, EvidencePagesController, DocumentPagesController],
      providers: [
        { provide: WEB_CONFIG, useValue: web },
        { provide: APP_FILTER, useClass: ErrorPagesFilter },
        { provide: APP_GUARD, useClass: SignedInGuard },
        // The API's audit trail, unchanged: a page view is audited as the API's read of it is.
        { provide: APP_INTERCEPTOR, useClass: AuditInterceptor },
        NextSteps,
        { provide: OBJECT_STORE, useFactory: () => openObjectStore(config.documentStore) },
        EvidenceLocker,
        EvidenceShelves,
        CaseDocuments,
        DocumentShelves,
        TeamOverview,
        LegalQueue,
      ],
    };
  }
}
