/**
 * The error body now lives in the platform (`ApiErrorView` from `@gridline/platform`). This re-export remains only
 * while tenants/tenants.controller.ts still imports it from here; delete the file once that import moves.
 */
export { ApiErrorView } from '@gridline/platform';
