-- E-commerce (电子商务领域) as a sampling link beside production, circulation and catering (issue 16, decision 0041):
-- national and provincial product-quality sampling plans set batches for online shops as their own field.
ALTER TABLE sampling_plan_target DROP CONSTRAINT sampling_plan_target_link_check;
ALTER TABLE sampling_plan_target ADD CONSTRAINT sampling_plan_target_link_check CHECK (link IN ('production', 'circulation', 'catering', 'e_commerce'));
ALTER TABLE sample DROP CONSTRAINT sample_link_check;
ALTER TABLE sample ADD CONSTRAINT sample_link_check CHECK (link IN ('production', 'circulation', 'catering', 'e_commerce'));
