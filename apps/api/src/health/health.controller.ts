import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { EntityManager } from '@mikro-orm/postgresql';
import { Public } from '../auth/public.decorator';
import { Problem } from '../cases/case.schemas';
import { TemporalClient } from '../temporal/temporal-client';

const PING_TIMEOUT_MS = 1500;

const Check = z.looseObject({ status: z.enum(['up', 'down']), responseTimeMs: z.number().optional(), message: z.string().optional() });
const HealthReport = z
  .looseObject({ status: z.literal('ok'), info: z.record(z.string(), Check), error: z.record(z.string(), Check), details: z.record(z.string(), Check) })
  .meta({ id: 'HealthReport' });
const UnhealthyProblem = z
  .intersection(Problem, z.looseObject({ status: z.literal(503), checks: z.record(z.string(), Check) }))
  .meta({ id: 'UnhealthyProblem', description: 'RFC 9457 problem details, with the result of each check.' });

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly em: EntityManager,
    private readonly temporal: TemporalClient,
  ) {}

  @Get()
  @Public()
  // Terminus's own OpenAPI entry describes its 503 body; ours is problem+json, documented below.
  @HealthCheck({ swaggerDocumentation: false })
  @ApiOperation({ summary: 'Whether Temporal and PostgreSQL are reachable' })
  @ApiResponse({ status: 200, description: 'Both answer.', standardSchema: HealthReport,
    example: { status: 'ok', info: { postgresql: { status: 'up', responseTimeMs: 2 }, temporal: { status: 'up', responseTimeMs: 3 } }, error: {}, details: { postgresql: { status: 'up', responseTimeMs: 2 }, temporal: { status: 'up', responseTimeMs: 3 } } },
  })
  @ApiResponse({ status: 503, description: 'At least one does not: `checks` says which and why. See Retry-After.', standardSchema: UnhealthyProblem,
    example: {
      type: 'https://asb-case-service.example/problems/unhealthy',
      title: 'A dependency is unhealthy',
      status: 503,
      detail: 'not reachable: temporal',
      instance: '/health',
      checks: { postgresql: { status: 'up', responseTimeMs: 2 }, temporal: { status: 'down', message: 'no answer within 1500 ms' } },
    },
  })
  check() {
    return this.health.check([
      () => this.probe('postgresql', () => this.em.fork().execute('select 1')),
      () => this.probe('temporal', () => this.temporal.ping(PING_TIMEOUT_MS)),
    ]);
  }

  // MikroORM 7 connects lazily, so "is a connection open" says nothing; a round trip does.
  private async probe(name: string, ping: () => Promise<unknown>) {
    const indicator = this.indicators.check(name);
    const started = Date.now();
    try {
      await withTimeout(ping(), PING_TIMEOUT_MS);
      return indicator.up({ responseTimeMs: Date.now() - started });
    } catch (error) {
      return indicator.down({ message: error instanceof Error ? error.message : String(error) });
    }
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
