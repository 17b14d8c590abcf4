-- Wrong look-ups of a complaint's progress (issue 14): counted in the database, so the lock on a number holds
-- across application processes and restarts. Keyed by the number asked, known or not (the answer must not tell).
CREATE TABLE complaint_status_failure (
  district_code char(6) NOT NULL REFERENCES district (code),
  number text NOT NULL CHECK (length(number) <= 40),
  failures integer NOT NULL CHECK (failures > 0),
  first_failed_at timestamptz NOT NULL,
  PRIMARY KEY (district_code, number)
);
