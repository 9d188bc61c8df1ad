import type { NextFunction, Request, Response } from 'express';
import { context, propagation, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { ApiMetrics } from './api-metrics';

const tracer = trace.getTracer('asb-case-service/api');

/** The route's template (`/cases/:reference/warnings`), never its path; `unmatched` for a path no route has. */
export function routeTemplateOf(request: Request): string {
  const route = (request.route as { path?: string } | undefined)?.path;
  return route ? `${request.baseUrl}${route}` : 'unmatched';
}

/**
 * Each request's span and duration. The span is the active context while the request is handled, so
 * the Temporal client's span (an update's) is its child and one trace runs from the request to the
 * activity; a caller's `traceparent` makes the request a child of the caller's trace. Without an
 * OpenTelemetry SDK started, the spans are the API's no-op ones.
 */
export function observeHttp(metrics: ApiMetrics) {
  return (request: Request, response: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    const parent = propagation.extract(context.active(), request.headers);
    const span = tracer.startSpan(`${request.method}`, { kind: SpanKind.SERVER, attributes: { 'http.request.method': request.method, 'url.path': request.path } }, parent);
    response.once('finish', () => {
      const route = routeTemplateOf(request);
      const status = response.statusCode;
      metrics.httpRequests.observe({ method: request.method, route, status: String(status) }, Number(process.hrtime.bigint() - started) / 1e9);
      span.updateName(`${request.method} ${route}`);
      span.setAttributes({ 'http.route': route, 'http.response.status_code': status });
      if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    });
    context.with(trace.setSpan(parent, span), next);
  };
}
