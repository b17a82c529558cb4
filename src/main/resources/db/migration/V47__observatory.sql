-- The observatory (ADR 22): figures computed from validated responses, kept current by the
-- campaign module's events, and the final versions that freeze them.

-- Spring Modulith's event publication registry (schema v2 of spring-modulith-events-jdbc
-- 2.0): an event for a transactional listener is stored with the transaction that
-- publishes it, and marked complete when the listener succeeds, so a crash loses none.
create table event_publication (
    id uuid not null primary key,
    listener_id text not null,
    event_type text not null,
    serialized_event text not null,
    publication_date timestamptz not null,
    completion_date timestamptz,
    status text,
    completion_attempts int,
    last_resubmission_date timestamptz
);
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);

-- Live (provisional) figures: one row per data year, territory ("nation", "region:76",
-- "departement:66", "similaires:UNDER_2K"), indicator and kind of structure. value is null
-- when the figure is secret (suppression says why).
create table observatory_figure (
    data_year int not null,
    territory text not null,
    indicator text not null,
    kinds text not null check (kinds in ('ALL', 'CS', 'EVS')),
    value numeric,
    contributors int not null check (contributors >= 0),
    suppression text check (suppression in ('PRIMARY', 'SECONDARY')),
    primary key (data_year, territory, indicator, kinds),
    check ((value is null) or (suppression is null))
);

-- The quality note of a territory's figures: structures asked, responses validated.
create table observatory_quality (
    data_year int not null,
    territory text not null,
    target int not null,
    validated int not null,
    primary key (data_year, territory)
);

-- Bumped by every refresh that changed a figure: each instance polls it and drops its
-- cached figures when it moves.
create table observatory_state (
    id int primary key check (id = 1),
    generation bigint not null,
    refreshed_at timestamptz
);
insert into observatory_state (id, generation) values (1, 0);

-- The federation's agreement to mark a territory's figures final (permissions.md).
create table figure_agreement (
    id bigint generated always as identity primary key,
    data_year int not null,
    territory text not null,
    agreed_by bigint references app_user (id) on delete set null,
    agreed_at timestamptz not null,
    note text
);
create index figure_agreement_territory_idx on figure_agreement (data_year, territory, agreed_at desc);

-- Final figures: a dated, numbered version of a territory's figures for a data year,
-- frozen. A correction is a new version; the old ones stay.
create table figure_version (
    id bigint generated always as identity primary key,
    data_year int not null,
    territory text not null,
    number int not null,
    marked_at timestamptz not null,
    marked_by bigint references app_user (id) on delete set null,
    agreement_id bigint references figure_agreement (id),
    catalogue_version text not null,
    target int not null,
    validated int not null,
    note text,
    unique (data_year, territory, number)
);

create table figure_version_value (
    version_id bigint not null references figure_version (id),
    indicator text not null,
    kinds text not null,
    value numeric,
    contributors int not null,
    suppression text,
    primary key (version_id, indicator, kinds)
);

create function figure_version_frozen() returns trigger language plpgsql as $$
begin
    raise exception 'final figures never change: make a new version';
end $$;
create trigger figure_version_frozen before update or delete on figure_version
    for each row execute function figure_version_frozen();
create trigger figure_version_value_frozen before update or delete on figure_version_value
    for each row execute function figure_version_frozen();
