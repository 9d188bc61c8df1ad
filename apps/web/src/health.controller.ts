import { Controller, Get, Header } from '@nestjs/common';
import { Public } from '../../api/src/auth/public.decorator';

/** For the launcher and load balancers: the console is up and answering. Its data health is the API's `/health`. */
@Controller('health')
export class WebHealthController {
  @Get()
  @Public()
  @Header('content-type', 'text/plain; charset=utf-8')
  @Header('cache-control', 'no-store')
  health(): string {
    return 'ok';
  }
}
