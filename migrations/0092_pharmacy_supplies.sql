-- Epidemic supplies (issue 17): each pharmacy's daily stock of masks, alcohol and thermometers; a stock under the
-- bureau's threshold is a shortage, flagged on the station's map (rules/supply-shortage.ts).
CREATE TABLE ph_supply_report (
  district_code char(6) NOT NULL,
  pharmacy_id bigint NOT NULL,
  report_on date NOT NULL,
  street_code char(9) NOT NULL,
  masks integer NOT NULL,
  alcohol integer NOT NULL,
  thermometers integer NOT NULL,
  reported_at timestamptz NOT NULL,
  reported_by bigint,
  PRIMARY KEY (district_code, pharmacy_id, report_on),
  FOREIGN KEY (district_code, pharmacy_id) REFERENCES entity (district_code, id)
);
CREATE INDEX ph_supply_report_day ON ph_supply_report (district_code, report_on);
