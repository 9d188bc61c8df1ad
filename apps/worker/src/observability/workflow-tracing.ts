import type { InjectedSinks, WorkerOptions } from '@temporalio/worker';
import { makeWorkflowExporter, OpenTelemetryActivityInboundInterceptor, OpenTelemetryActivityOutboundInterceptor, type OpenTelemetryWorkflowExporter } from '@temporalio/interceptors-opentelemetry';
import type { Tracing } from '../../../../libs/observability/src';
import { WORKFLOW_INTERCEPTOR_MODULES } from '../../../../libs/temporal/src/workflow-bundle-options';

/**
 * The worker's half of a trace: activities continue the workflow's span, and the workflows' spans
 * (made in the sandbox by the bundle's interceptors) leave through the `exporter` sink. Without tracing
 * the sink is still there, doing nothing, since every bundle has the interceptors.
 */
export function workerTracingOptions(tracing: Tracing | undefined, source: Pick<WorkerOptions, 'workflowBundle' | 'workflowsPath'>): Pick<WorkerOptions, 'interceptors' | 'sinks'> {
  const exporter: InjectedSinks<{ exporter: OpenTelemetryWorkflowExporter }>['exporter'] = tracing
    ? makeWorkflowExporter(tracing.spanProcessor, tracing.resource)
    : { export: { fn: () => undefined, callDuringReplay: false } };
  return {
    sinks: { exporter },
    interceptors: {
      // A prebuilt bundle has them already; a worker that bundles at start is told.
      ...(source.workflowBundle ? {} : { workflowModules: WORKFLOW_INTERCEPTOR_MODULES }),
      ...(tracing ? { activity: [(ctx) => ({ inbound: new OpenTelemetryActivityInboundInterceptor(ctx), outbound: new OpenTelemetryActivityOutboundInterceptor(ctx) })] } : {}),
    },
  };
}
