-- The EARS alarms read the symptomatic buyers per day (and street) after every batch that stores one: this index
-- holds only those rows (about one in ten), so the evaluation no longer reads a busy day's every registration.
-- The predicate is the one of server/modules/pharmacies/service/daily-counts.ts (37.3 °C: rules/registration-check.ts).
CREATE INDEX ph_registration_symptomatic ON ph_registration (district_code, registered_on, street_code, id_number_blind)
  WHERE cardinality(symptoms) > 0 OR temperature >= 37.3;
