import { NodeSDK } from '@opentelemetry/sdk-node';
import { Resource } from '@opentelemetry/resources';
import { BatchSpanProcessor, type SpanExporter, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { OTLPTraceExporter as OtlpJsonExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as OtlpProtobufExporter } from '@opentelemetry/exporter-trace-otlp-proto';

/** Traces as this process exports them; the worker hands `spanProcessor` and `resource` to the workflows' span sink. */
export interface Tracing {
  readonly resource: Resource;
  readonly spanProcessor: SpanProcessor;
  shutdown(): Promise<void>;
}

/**
 * Starts OpenTelemetry tracing when `OTEL_EXPORTER_OTLP_ENDPOINT` (or its traces-only form) is set, and
 * nothing otherwise: no provider, no exporter, no cost. The exporter follows the standard variables
 * (`OTEL_EXPORTER_OTLP_PROTOCOL`: `http/protobuf`, the default, or `http/json`; headers; timeout).
 * `OTEL_SERVICE_NAME` overrides `service`.
 */
export function startTracing(service: string, env: Record<string, string | undefined> = process.env): Tracing | undefined {
  if (!env.OTEL_EXPORTER_OTLP_ENDPOINT && !env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) return undefined;
  const protocol = env.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL ?? env.OTEL_EXPORTER_OTLP_PROTOCOL ?? 'http/protobuf';
  const exporter = traceExporter(protocol);
  const resource = new Resource({ 'service.name': env.OTEL_SERVICE_NAME ?? service });
  const spanProcessor = new BatchSpanProcessor(exporter);
  // No auto-instrumentation: the API makes its request span itself (the parent of the Temporal client's).
  const sdk = new NodeSDK({ resource, spanProcessors: [spanProcessor], instrumentations: [] });
  sdk.start();
  return { resource, spanProcessor, shutdown: () => sdk.shutdown() };
}

function traceExporter(protocol: string): SpanExporter {
  if (protocol === 'http/json') return new OtlpJsonExporter();
  if (protocol === 'http/protobuf') return new OtlpProtobufExporter();
  throw new Error(`OTEL_EXPORTER_OTLP_PROTOCOL: ${protocol} is not supported here (http/protobuf or http/json)`);
}
