-- The reason of a food-safety grade change in English too (issue 14: nothing a person reads in one language only).
ALTER TABLE food_safety_grade_history ADD COLUMN reason_en text;
