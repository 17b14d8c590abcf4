-- Running numbers of documents (complaint and case numbers): one row per district and series, taken with an
-- upsert whose row lock makes concurrent creators wait their turn instead of colliding on the number.
CREATE TABLE document_counter (
  district_code char(6) NOT NULL,
  series text NOT NULL,
  last_value bigint NOT NULL CHECK (last_value > 0),
  PRIMARY KEY (district_code, series)
);
