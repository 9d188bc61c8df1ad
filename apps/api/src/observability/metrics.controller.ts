import { Controller, Get, Header } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { PROMETHEUS_CONTENT_TYPE, prometheusText } from '../../../../libs/observability/src';
import { Public } from '../auth/public.decorator';
import { ApiMetrics } from './api-metrics';

// Documented by its media type; the answer's parameters (`version=0.0.4; charset=utf-8`) say which format.
const PROMETHEUS_TEXT = 'text/plain';

@ApiTags('operations')
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: ApiMetrics) {}

  @Get()
  @Public()
  @Header('Content-Type', PROMETHEUS_CONTENT_TYPE)
  @Header('Cache-Control', 'no-store')
  @ApiProduces(PROMETHEUS_TEXT)
  @ApiOperation({
    summary: 'Prometheus metrics of this API instance',
    description:
      "Node's process metrics (`process_*`, `nodejs_*`), HTTP requests by route template and status (`asb_http_request_duration_seconds`), " +
      'and case commands by name and outcome (`asb_case_commands_total`). Counts only, no case data: public, as /health is, for the scraper; ' +
      "restrict it at the network where that matters.",
  })
  @ApiResponse({ status: 200, description: "Prometheus's text exposition format: `text/plain; version=0.0.4; charset=utf-8`.", content: { [PROMETHEUS_TEXT]: { schema: { type: 'string' } } } })
  async scrape(): Promise<string> {
    return prometheusText(this.metrics.registry);
  }
}
