-- Setup of the autosave benchmark (bench/autosave.sh, bench/autosave-power-cut.sh and
-- AutosaveSurvivesAPowerCutProcessTest run it through bench/AutosaveLoad.java; it also runs
-- alone: psql -f bench/autosave-setup.sql). On a database with the demo data and the
-- national questionnaire (published when the application has started):
--   - a bench campaign, data year 2099 (no one else uses it), on the national questionnaire;
--   - up to 400 bench accounts banc-essai-NNN@maillage.example, each STRUCTURE_STAFF of a
--     distinct active structure (the first 400 by id), with the demo accounts' password
--     (Maillage-demo-2026: the bcrypt hash of equipe.cs66@maillage.example is copied);
--   - a response of each of those structures to the bench campaign.
-- Idempotent: run again, it keeps the accounts and responses and empties the responses
-- (answers, their history, sections, justifications, transitions; status NOT_STARTED), so
-- that every run starts from the same state and counts only its own saves.

do $$
begin
    if not exists (select 1 from questionnaire_version where family = 'national' and version = '2026') then
        raise exception 'national questionnaire 2026 not published yet: start the application first';
    end if;
    if not exists (select 1 from app_user where lower(email) = 'equipe.cs66@maillage.example'
                   and password_hash is not null) then
        raise exception 'demo account equipe.cs66@maillage.example missing: the bench needs the demo data';
    end if;
end $$;

insert into campaign (data_year, opens_on, closes_on, questionnaire_version_id, created_at)
select 2099, current_date - 1, current_date + 365, id, now()
from questionnaire_version where family = 'national' and version = '2026'
on conflict (data_year) do nothing;

insert into app_user (email, display_name, password_hash, created_at)
select format('banc-essai-%s@maillage.example', lpad(n::text, 3, '0')), format('Banc d’essai %s', n),
       (select password_hash from app_user where lower(email) = 'equipe.cs66@maillage.example'), now()
from generate_series(1, 400) as n
on conflict do nothing;

with structures as (
    select id, row_number() over (order by id) as n
    from structure where status = 'ACTIVE' order by id limit 400
), people as (
    select id, substring(email from 'banc-essai-([0-9]+)@')::int as n
    from app_user where email like 'banc-essai-%@maillage.example'
)
insert into role_assignment (user_id, role, scope_kind, scope_code, granted_at)
select people.id, 'STRUCTURE_STAFF', 'STRUCTURE', structures.id::text, now()
from people join structures using (n)
on conflict do nothing;

insert into response (campaign_id, structure_id, updated_at)
select campaign.id, ra.scope_code::bigint, now()
from role_assignment ra join app_user u on u.id = ra.user_id
cross join campaign
where u.email like 'banc-essai-%@maillage.example' and ra.role = 'STRUCTURE_STAFF'
  and ra.scope_kind = 'STRUCTURE' and campaign.data_year = 2099
on conflict (campaign_id, structure_id) do nothing;

create temporary table bench_response as
select response.id from response join campaign on campaign.id = response.campaign_id
where campaign.data_year = 2099;

delete from answer where response_id in (select id from bench_response);
delete from answer_history where response_id in (select id from bench_response);
delete from response_section where response_id in (select id from bench_response);
delete from answer_justification where response_id in (select id from bench_response);
delete from response_transition where response_id in (select id from bench_response);
update response set status = 'NOT_STARTED', version = 0, submitted_at = null, validated_at = null,
    last_message = null, updated_at = now()
where id in (select id from bench_response);
drop table bench_response;
