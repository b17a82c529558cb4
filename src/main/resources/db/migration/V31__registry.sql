-- The registry's identity record of a structure (what Senacs publishes), its approvals
-- (agréments) with the social project each approves, their documents and the renewal
-- milestones computed from their end dates. See docs/adr/0016-registry-record-approvals-milestones.md.

alter table structure
    add column address text,
    add column postal_code varchar(5) check (postal_code ~ '^[0-9]{5}$'),
    add column latitude numeric(8, 6) check (latitude between -90 and 90),
    add column longitude numeric(9, 6) check (longitude between -180 and 180),
    add column email text,
    add column phone text,
    add column website text,
    -- Several structures may share a SIRET (a federation or a commune running several).
    add column siret char(14) check (siret ~ '^[0-9]{14}$'),
    add column first_approval_on date,
    add column area_population integer check (area_population >= 0),
    add column history text,
    add column project_axes text[] not null default '{}' check (cardinality(project_axes) <= 5),
    add column management_mode text
        check (management_mode in ('ASSOCIATION', 'COMMUNE', 'CAF', 'CO_MANAGEMENT', 'OTHER')),
    -- null: the commune's class in the official geography; set when a Caf advisor corrects it.
    add column territory_type_override text check (territory_type_override in ('URBAN', 'RURAL')),
    add column near_qpv boolean not null default false,
    add column federation_member boolean not null default false,
    add column travellers_public boolean not null default false,
    add column multi_site boolean not null default false,
    add column itinerant boolean not null default false,
    add column status text not null default 'ACTIVE' check (status in ('ACTIVE', 'CLOSED')),
    add column created_at timestamptz not null default now(),
    add column updated_at timestamptz not null default now();

create index structure_siret_idx on structure (siret);
create index structure_name_commune_idx on structure (lower(name), commune_code);
create index structure_postal_code_idx on structure (postal_code);

-- The communes a structure serves, beyond its own (which it always serves): the
-- observatory's coverage figures use them.
create table structure_served_commune (
    structure_id bigint not null references structure (id) on delete cascade,
    commune_code char(5) not null references commune (code),
    primary key (structure_id, commune_code)
);

-- Approval kinds are reference data: the 2025 circular merges "animation globale" and
-- "animation collective familles" between 2027 and 2030, which will add a kind here.
--   main: the structure's "current approval" is its latest main one; others (ACF) are
--   shown beside it.
create table approval_kind (
    code text primary key,
    structure_kind text not null check (structure_kind in ('CS', 'EVS')),
    main boolean not null,
    position integer not null
);
insert into approval_kind (code, structure_kind, main, position) values
    ('AG', 'CS', true, 1),
    ('ACF', 'CS', false, 2),
    ('EVS', 'EVS', true, 3);

create table approval (
    id bigint generated always as identity primary key,
    structure_id bigint not null references structure (id),
    kind_code text not null references approval_kind (code),
    starts_on date not null,
    ends_on date not null,
    decided_on date,
    decision_body text,
    -- The social project it approves.
    project_axes text[] not null default '{}' check (cardinality(project_axes) <= 5),
    project_summary text,
    created_at timestamptz not null,
    -- 1 to 4 years: a four-year approval from 1 January ends on 31 December three years on.
    check (ends_on >= starts_on + interval '1 year' - interval '1 day'),
    check (ends_on <= starts_on + interval '4 years')
);
create index approval_structure_idx on approval (structure_id, ends_on desc);

-- Documents of a social project (PDF or office files), kept in the database so that a
-- backup holds everything. Their type was checked from their content.
create table approval_document (
    id bigint generated always as identity primary key,
    approval_id bigint not null references approval (id) on delete cascade,
    file_name text not null,
    media_type text not null,
    size_bytes integer not null check (size_bytes > 0 and size_bytes <= 20 * 1024 * 1024),
    content bytea not null,
    uploaded_at timestamptz not null,
    uploaded_by bigint references app_user (id) on delete set null
);
create index approval_document_approval_idx on approval_document (approval_id);

-- Renewal milestones of a main approval, computed from its end date when it is recorded.
--   notice: PENDING until the day it comes due, then SENT by the daily job; SKIPPED when
--   it was already due when the approval was recorded (loaded or imported data).
create table renewal_milestone (
    id bigint generated always as identity primary key,
    approval_id bigint not null references approval (id) on delete cascade,
    kind text not null check (kind in ('DIAGNOSTIC_12', 'DIAGNOSTIC_8', 'DEBATE_6', 'COMMISSION_3')),
    due_on date not null,
    done_on date,
    note text,
    done_by bigint references app_user (id) on delete set null,
    notice text not null check (notice in ('PENDING', 'SENT', 'SKIPPED')),
    unique (approval_id, kind)
);
create index renewal_milestone_due_idx on renewal_milestone (due_on) where notice = 'PENDING';

-- Where each structure's latest main approval stands: the approval shown as "current",
-- and the one whose milestones count.
create view structure_main_approval as
select distinct on (a.structure_id) a.structure_id, a.id as approval_id, a.kind_code, a.starts_on, a.ends_on
from approval a
join approval_kind k on k.code = a.kind_code and k.main
order by a.structure_id, a.ends_on desc, a.id desc;

-- Claim links: an invitation created by the registry (no inviter) for a structure that has
-- no account yet, sent inside a registry e-mail.
alter table invitation add column claim boolean not null default false;
