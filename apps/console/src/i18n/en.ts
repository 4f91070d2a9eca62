import type { zh } from './zh';

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

/** English. Typed against zh.ts, so a key missing here fails the build. */
export const en: Shape<typeof zh> = {
  app: { title: 'Dispatch centre', skip: 'Skip to main content', language: 'Language', signOut: 'Sign out', live: 'Live', connecting: 'Connecting', reconnecting: 'Reconnecting', offline: 'Disconnected', polling: 'Polling', pickDistrict: 'This page shows one district: pick one at the top first.' },
  nav: { board: 'Live board', map: 'Map', queue: 'Queue', kpis: 'KPIs' },
  levels: { micro: 'Micro-grid', grid: 'Grid (level 3)', community: 'Community', street: 'Street', district: 'District centre', city: 'City centre' },
  states: { reported: 'Reported', accepted: 'Accepted', dispatched: 'Dispatched', acknowledged: 'Acknowledged', 'in-progress': 'In progress', resolved: 'Resolved', verified: 'Verified', closed: 'Closed', rejected: 'Rejected' },
  roles: { 'city-admin': 'City administrator', 'city-viewer': 'City viewer', 'district-admin': 'District administrator', dispatcher: 'District dispatcher', leader: 'Grid leader', worker: 'Grid worker', auditor: 'Auditor', resident: 'Resident' },
  signIn: {
    title: 'Sign in to the dispatch centre', devNote: 'Development: pick a role and district; a development-only endpoint mints the token.', role: 'Role', district: 'District', grid: 'Grid', name: 'Name (optional)',
    submit: 'Sign in', oidc: 'Sign in with single sign-on', failed: 'Sign-in failed', expired: 'Your session expired; please sign in again', loading: 'Loading…', none: 'No sign-in is configured: set up OIDC or development sign-in.',
  },
  board: {
    title: 'Live board', filters: 'Filters', allLevels: 'All levels', level: 'Level', category: 'Category', allCategories: 'All categories', place: 'Street / community', allPlaces: 'All',
    overdueOnly: 'Overdue only', district: 'District', allDistricts: 'Whole city', open: 'open', overdue: 'overdue', critical: 'critical', parked: 'parked', empty: 'No open cases',
    age: 'Age', deadline: 'Deadline', noDeadline: 'No deadline', overdueBy: 'Overdue by {{time}}', remaining: '{{time}} left', depth: 'Escalated {{depth}}×', loadingRows: 'Loading…', cases: '{{count}} cases',
  },
  map: { title: 'Grid map', noBoundaries: 'No grid boundaries are registered for this district.', grid: 'Grid', onDuty: 'On duty now', nobodyOnDuty: 'Nobody on duty now', cases: 'Cases in this grid', noCases: 'No open cases', legend: 'Legend', close: 'Close', select: 'Select a grid' },
  case: {
    title: 'Case', close: 'Close', description: 'Description', address: 'Place', category: 'Category', state: 'State', holder: 'Held by', reported: 'Reported', deadline: 'Deadline', photos: 'Photos',
    contact: "Reporter's contact", history: 'History', actions: 'Actions', noActions: 'Your role can take no action on this case.', reason: 'Reason', note: 'Note', gridToDispatch: 'Dispatch to grid',
    assignee: 'New assignee (account)', requestedDeadline: 'Extend to', passed: 'Verified: fixed', failed: 'Not fixed: rework', rejectReason: 'Reason for rejection', duplicateOf: 'Duplicate of case id', rating: 'Rating (1–5)',
    conflict: 'Someone else acted first — reload and try again.', forbidden: 'Not allowed: ', failedAction: 'Action failed: ', done: 'Done: {{action}}', reload: 'Reload', loading: 'Loading…', notFound: 'No such case, or you may not see it.', by: 'By',
  },
  actions: {
    acknowledge: 'Acknowledge', accept: 'Accept', reject: 'Reject', dispatch: 'Dispatch', 'start-work': 'Start work', resolve: 'Resolve', verify: 'Verify', close: 'Close case', rate: 'Rate',
    'request-extension': 'Request extension', 'approve-extension': 'Approve extension', 'deny-extension': 'Deny extension', return: 'Return', escalate: 'Escalate', reassign: 'Reassign', park: 'Park', unpark: 'Unpark',
  },
  history: {
    reminded: 'Reminder', reopened: 'Reopened for rework', 'contact-erased': 'Contact erased', 'volunteer-offered': 'Volunteer offered', 'volunteer-declined': 'Volunteer declined', 'volunteer-offer-expired': 'Volunteer offer expired', 'volunteer-accepted': 'Volunteer accepted', 'volunteer-checked-in': 'Volunteer checked in', 'volunteer-checked-out': 'Volunteer checked out', 'volunteer-completed': 'Volunteer finished', 'volunteer-unavailable': 'No volunteer available',
    reported: 'Reported', accepted: 'Accepted', rejected: 'Rejected', dispatched: 'Dispatched', acknowledged: 'Acknowledged', escalated: 'Escalated', 'work-started': 'Work started', resolved: 'Resolved', verified: 'Verified', 'verification-failed': 'Verification failed',
    closed: 'Closed', rated: 'Rated', returned: 'Returned', reassigned: 'Reassigned', parked: 'Parked', unparked: 'Unparked', 'extension-requested': 'Extension requested', 'extension-approved': 'Extension approved', 'extension-denied': 'Extension denied',
  },
  queue: { title: 'Dispatch queue', empty: 'The queue is empty', waiting: 'Waiting', reportedAt: 'Reported', open: 'Open' },
  kpis: {
    title: 'KPIs', period: 'Period', from: 'From', to: 'To', by: 'By', byDay: 'Day', byCategory: 'Category', byStreet: 'Street', byCommunity: 'Community',
    cases: 'Cases', closureRate: 'Closure rate', onTimeClosureRate: 'On-time closure', reworkRate: 'Rework rate', extensionRate: 'Extension rate', medianAck: 'Time to acknowledge (median)', medianClose: 'Time to close (median)',
    averageDepth: 'Average escalation depth', maxDepth: 'Deepest escalation', depth: 'Escalation depth', zeroReport: "Today's zero-report", zeroReportRate: 'Reported', reported: 'Reported', missing: 'Missing',
    serviceDays: 'Service days', places: 'Places', confirmed: 'Signed up', waitlisted: 'Waitlist', toolLoans: 'Overdue tool loans', tool: 'Tool', borrower: 'Borrower', due: 'Due', none: 'None', table: 'Data table', unavailable: 'No data',
  },
  errors: { generic: 'Something went wrong: ', retry: 'Retry', forbidden: 'Not allowed', offline: 'Service unavailable' },
  time: { s: '{{n}}s', m: '{{n}}m', h: '{{n}}h', d: '{{n}}d' },
};
