import { Controller, Get, Header } from '@nestjs/common';
import { Public } from '../../api/src/auth/public.decorator';

/**
 * For the launcher, load balancers and probes: the console is up and answering. Its data health is the
 * API's `/health`. `/health/live` answers the same, so that every process has the same liveness path.
 */
@Controller('health')
export class WebHealthController {
  @Get(['', 'live'])
  @Public()
  @Header('content-type', 'text/plain; charset=utf-8')
  @Header('cache-control', 'no-store')
  health(): string {
    return 'ok';
  }
}
