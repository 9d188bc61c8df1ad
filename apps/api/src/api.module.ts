import { type DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { Logger as PinoLogger } from 'pino';
import { ApiMetrics } from './observability/api-metrics';
import { CommandMetricsInterceptor } from './observability/command-metrics.interceptor';
import { MetricsController } from './observability/metrics.controller';
import { createLogger, requestLogging } from '../../../libs/observability/src';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { AuditController } from './audit/audit.controller';
import { AuditInterceptor } from './audit/audit.interceptor';
import { TokenVerifier } from '../../../libs/auth/src';
import { AuthGuard } from './auth/auth.guard';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { TerminusModule } from '@nestjs/terminus';
import type { AppConfig } from '../../../libs/config/src';
import { ormConfig } from '../../../libs/persistence/src';
import { CasesController } from './cases/cases.controller';
import { CaseCommandsController } from './cases/commands/case-commands.controller';
import { CaseListsController } from './cases/case-lists.controller';
import { ForumsController } from './forums/forums.controller';
import { HealthController } from './health/health.controller';
import { NotificationsController } from './notifications/notifications.controller';
import { CaseFailuresController } from './case-failures/case-failures.controller';
import { PolicyVersionsController } from './policy/policy-versions.controller';
import { SubjectAccessController } from './subject-access/subject-access.controller';
import { RetentionController } from './retention/retention.controller';
import { ProblemDetailsFilter } from './http/problem-details.filter';
import { validationPipe } from './http/validation';
import { CaseDocumentsController } from './documents/case-documents.controller';
import { CaseDocuments } from './documents/case-documents';
import { OBJECT_STORE, openObjectStore } from '../../../libs/storage/src';
import { CaseServicesModule } from './case-services.module';
import { CaseEvidenceController } from './evidence/case-evidence.controller';
import { EvidenceLocker } from './evidence/evidence-locker';
import { PolicyFanOutController } from './policy-fan-out/policy-fan-out.controller';
import { PolicyFanOuts } from './policy-fan-out/policy-fan-outs';
import { PolicyAdministration } from './policy/policy-administration';
import { PspoModule } from './pspo/pspo.module';

@Module({})
export class ApiModule {
  static forRoot(config: AppConfig, logger: PinoLogger = createLogger(config.logLevel)): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        MikroOrmModule.forRoot(ormConfig(config.databaseUrl)),
        TerminusModule.forRoot({ logger: false }),
        CaseServicesModule.forRoot(config),
        PspoModule,
        LoggerModule.forRoot({ pinoHttp: requestLogging(logger) }),
      ],
      controllers: [CaseListsController, CasesController, CaseCommandsController, AuditController, NotificationsController, CaseFailuresController, RetentionController, ForumsController, PolicyVersionsController, PolicyFanOutController, SubjectAccessController, CaseDocumentsController, CaseEvidenceController, HealthController, MetricsController],
      providers: [
        { provide: APP_PIPE, useValue: validationPipe },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        { provide: TokenVerifier, useFactory: () => TokenVerifier.create(config.auth) },
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_INTERCEPTOR, useClass: AuditInterceptor },
        { provide: APP_INTERCEPTOR, useClass: CommandMetricsInterceptor },
        ApiMetrics,
        { provide: OBJECT_STORE, useFactory: () => openObjectStore(config.documentStore) },
        CaseDocuments,
        EvidenceLocker,
        PolicyFanOuts,
        PolicyAdministration,
      ],
    };
  }
}
