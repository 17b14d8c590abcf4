-- Several application processes on one database: each run of the scheduler records the scheduled time it belongs
-- to, so that a process whose timer fires after another process finished that run skips it (advisory lock + this
-- record, server/platform/jobs/scheduler.ts). Null for runs started by hand.
ALTER TABLE job_run ADD COLUMN scheduled_for timestamptz;
CREATE UNIQUE INDEX job_run_once_per_slot ON job_run (job, scheduled_for) WHERE outcome = 'succeeded' AND scheduled_for IS NOT NULL;
