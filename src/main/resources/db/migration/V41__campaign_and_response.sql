-- A campaign: the yearly collection of one data year's answers, against one published
-- questionnaire version (ADR 20). One campaign per data year.
create table campaign (
    id bigint generated always as identity primary key,
    data_year int not null unique check (data_year between 2000 and 2100),
    opens_on date not null,
    closes_on date not null,
    questionnaire_version_id bigint not null references questionnaire_version (id),
    created_at timestamptz not null,
    created_by bigint references app_user (id) on delete set null,
    check (closes_on >= opens_on)
);

-- A structure's response to a campaign, created lazily (NOT_STARTED) when first asked
-- for. It is located by its structure: scoped reads join structure for the region and
-- département columns that Scope.where() filters on. "version" is the optimistic lock
-- every transition checks and increments.
create table response (
    id bigint generated always as identity primary key,
    campaign_id bigint not null references campaign (id),
    structure_id bigint not null references structure (id),
    status text not null default 'NOT_STARTED'
        check (status in ('NOT_STARTED', 'IN_PROGRESS', 'SUBMITTED', 'RETURNED', 'VALIDATED')),
    version int not null default 0,
    submitted_at timestamptz,
    validated_at timestamptz,
    last_message text,
    updated_at timestamptz not null,
    unique (campaign_id, structure_id)
);
create index response_structure_idx on response (structure_id);

-- Every status change of a response, in order: the history a reviewer reads. Append-only.
create table response_transition (
    id bigint generated always as identity primary key,
    response_id bigint not null references response (id),
    from_status text not null,
    to_status text not null,
    actor_user_id bigint references app_user (id) on delete set null,
    message text,
    occurred_at timestamptz not null
);
create index response_transition_response_idx on response_transition (response_id, id);
