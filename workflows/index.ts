// The worker's workflow bundle entry point: every workflow type the case service runs.
export { caseWorkflow } from './case.workflow';
