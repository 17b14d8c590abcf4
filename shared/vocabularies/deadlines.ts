/** How a legal deadline stands today (server/platform/calendar/deadline-flag.ts computes it). */
export const deadlineFlags = ['on_time', 'due_soon', 'overdue'] as const;

/** The flags a work queue filters on: what needs attention. */
export const attentionFlags = ['due_soon', 'overdue'] as const;
