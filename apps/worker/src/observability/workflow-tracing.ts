import type { WorkerOptions } from '@temporalio/worker';
import { makeWorkflowExporter, OpenTelemetryActivityInboundInterceptor, OpenTelemetryActivityOutboundInterceptor } from '@temporalio/interceptors-opentelemetry';
import type { Tracing } from '../../../../libs/observability/src';
import { WORKFLOW_INTERCEPTOR_MODULES } from '../../../../libs/temporal/src/workflow-bundle-options';

/**
 * The worker's half of a trace: activities continue the workflow's span, and the workflows' spans
 * (made in the sandbox by the traced bundle's interceptors) leave through the `exporter` sink. A worker
 * without tracing runs the plain bundle and needs neither.
 */
export function workerTracingOptions(tracing: Tracing | undefined, source: Pick<WorkerOptions, 'workflowBundle' | 'workflowsPath'>): Pick<WorkerOptions, 'interceptors' | 'sinks'> {
  if (!tracing) return {};
  return {
    sinks: { exporter: makeWorkflowExporter(tracing.spanProcessor, tracing.resource) },
    interceptors: {
      // The traced bundle has them already; a worker that bundles at start is told.
      ...(source.workflowBundle ? {} : { workflowModules: WORKFLOW_INTERCEPTOR_MODULES }),
      activity: [(ctx) => ({ inbound: new OpenTelemetryActivityInboundInterceptor(ctx), outbound: new OpenTelemetryActivityOutboundInterceptor(ctx) })],
    },
  };
}
