-- Snapshot of the statistics queries (registryStatistics), kept beside the code so that hot and reporting SQL is read in review (../shared/CONVENTIONS.md §5, convention 12).
-- :scope is scopeWhere(actor, {district, street, entity}); :as_of and :year_earlier are dates.
select kind, substr(industry_code, 1, 1) as section, street_code as street,
  (count(*) filter (where founded_on <= :as_of and (ended_on is null or ended_on > :as_of)))::int as current,
  (count(*) filter (where founded_on <= :year_earlier and (ended_on is null or ended_on > :year_earlier)))::int as previous
from entity
where :scope and founded_on <= :as_of
group by 1, 2, 3;

select case when ended_on is not null and ended_on <= :as_of then status else 'active' end as status, count(*)::int
from entity
where :scope and founded_on <= :as_of
group by 1 order by 1;
