import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { EntityManager } from '@mikro-orm/postgresql';
import { countStuckCases } from '../../../../libs/persistence/src';
import { Public } from '../auth/public.decorator';
import { Problem } from '../cases/case.schemas';
import { TemporalClient } from '../temporal/temporal-client';

const PING_TIMEOUT_MS = 1500;
/** How far back a case PostgreSQL refused a change of counts as stuck, if it has not been saved since. */
const STUCK_WITHIN_DAYS = 7;

const Check = z.looseObject({
  status: z.enum(['up', 'down']),
  responseTimeMs: z.number().optional(),
  message: z.string().optional(),
  stuck: z
    .int()
    .optional()
    .describe('The cases check: cases with a change PostgreSQL refused for good in the last `withinDays` days and not saved since (see GET /case-failures).'),
  withinDays: z.int().optional(),
});
const HealthReport = z
  .looseObject({ status: z.literal('ok'), info: z.record(z.string(), Check), error: z.record(z.string(), Check), details: z.record(z.string(), Check) })
  .meta({ id: 'HealthReport' });
const Alive = z.strictObject({ status: z.literal('ok') }).meta({ id: 'Alive' });
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
  @ApiOperation({
    summary: 'Whether Temporal and PostgreSQL are reachable, and how many cases are stuck',
    description:
      'The `cases` check counts stuck cases: a change PostgreSQL refused for good (see GET /case-failures). It never makes the answer 503: ' +
      'load balancers route by this answer, and taking the API away from every case would not help the stuck one.',
  })
  @ApiResponse({ status: 200, description: 'Both answer.', standardSchema: HealthReport,
    example: {
      status: 'ok',
      info: { postgresql: { status: 'up', responseTimeMs: 2 }, temporal: { status: 'up', responseTimeMs: 3 }, cases: { status: 'up', stuck: 0, withinDays: 7 } },
      error: {},
      details: { postgresql: { status: 'up', responseTimeMs: 2 }, temporal: { status: 'up', responseTimeMs: 3 }, cases: { status: 'up', stuck: 0, withinDays: 7 } },
    },
  })
  @ApiResponse({ status: 503, description: 'At least one does not: `checks` says which and why. See Retry-After.', standardSchema: UnhealthyProblem,
    example: {
      type: 'https://asb-case-service.example/problems/unhealthy',
      title: 'A dependency is unhealthy',
      status: 503,
      detail: 'not reachable: temporal',
      instance: '/health',
      checks: { postgresql: { status: 'up', responseTimeMs: 2 }, temporal: { status: 'down', message: 'no answer within 1500 ms' }, cases: { status: 'up', stuck: 0, withinDays: 7 } },
    },
  })
  check() {
    return this.health.check([
      () => this.probe('postgresql', () => this.em.fork().execute('select 1')),
      () => this.probe('temporal', () => this.temporal.ping(PING_TIMEOUT_MS)),
      () => this.stuckCases(),
    ]);
  }

  @Get('live')
  @Public()
  @ApiOperation({
    summary: 'Whether this process answers at all: the liveness probe',
    description:
      'Checks no dependency. An outage of PostgreSQL or Temporal makes every replica\'s `/health` 503 at once, and restarting ' +
      'them would not bring it back: `/health` takes a replica out of rotation, and only a process that stops answering this is restarted.',
  })
  @ApiResponse({ status: 200, description: 'The process answers.', standardSchema: Alive, example: { status: 'ok' } })
  live(): z.infer<typeof Alive> {
    return { status: 'ok' };
  }

  private async stuckCases() {
    const indicator = this.indicators.check('cases');
    try {
      const stuck = await withTimeout(countStuckCases(this.em.fork(), STUCK_WITHIN_DAYS), PING_TIMEOUT_MS);
      return indicator.up({ stuck, withinDays: STUCK_WITHIN_DAYS });
    } catch (error) {
      // Not a dependency of its own: the postgresql check says whether PostgreSQL answers.
      return indicator.up({ message: `not counted: ${error instanceof Error ? error.message : String(error)}` });
    }
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
