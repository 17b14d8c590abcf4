import { Card, Flex, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { deadlineFlags } from '../../shared/vocabularies/deadlines.ts';

/** How a legal deadline stands today (server/platform/calendar/deadline-flag.ts computes it). */
export type DeadlineFlag = (typeof deadlineFlags)[number];

/** One colour per deadline flag, the same in every queue and file (complaints, cases). */
export const deadlineFlagColors: Record<DeadlineFlag, string> = { on_time: 'green', due_soon: 'orange', overdue: 'red' };

/** A step's deadline, coloured by how it stands today; nothing when the step has no deadline. */
export function DeadlineTag({
  due,
  flag,
  label,
  testId,
}: {
  due: string | null;
  flag: DeadlineFlag | null;
  label: string;
  testId: string;
}) {
  if (!due || !flag) return null;
  return (
    <Tag color={deadlineFlagColors[flag]} data-testid={testId}>
      {due} · {label}
    </Tag>
  );
}

/** A file's open steps, each with its deadline tag: the "deadlines" card of a complaint or a case. */
export function OpenDeadlinesCard<Entry extends { step: string }>({
  title,
  entries,
  stepLabel,
  tagOf,
  children,
}: {
  title: string;
  entries: readonly Entry[];
  stepLabel: (step: Entry['step']) => string;
  tagOf: (entry: Entry) => ReactNode;
  /** Shown above the steps (e.g. which rule set the deadlines follow). */
  children?: ReactNode;
}) {
  return (
    <Card size="small" title={title} style={{ marginBottom: 16 }}>
      {children}
      {entries.length === 0 ? <Typography.Text type="secondary">—</Typography.Text> : null}
      {entries.map((entry) => (
        <Flex key={entry.step} justify="space-between" style={{ marginBottom: 6 }}>
          <span>{stepLabel(entry.step)}</span>
          {tagOf(entry)}
        </Flex>
      ))}
    </Card>
  );
}

/** A queue's "due" cell: the current step and its deadline tag. */
export function CurrentStepDue({ stepLabel, tag }: { stepLabel: string | null; tag: ReactNode }) {
  if (!stepLabel) return null;
  return (
    <span>
      {stepLabel} {tag}
    </span>
  );
}
