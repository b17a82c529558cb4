-- Answers in long format (structure's response × question code × repeat item → value), as
-- DHIS2 keeps data values, with a version per field so that two people editing at once
-- merge field by field, and the history of every change (who, when, old → new).
--   value: the canonical text of the value (a plain decimal, true/false, an ISO date,
--   choice codes joined by commas, or the text itself).
create table answer (
    response_id bigint not null references response (id),
    code text not null,
    item integer not null default 0 check (item >= 0),
    value text not null,
    version integer not null default 1,
    updated_at timestamptz not null,
    updated_by bigint references app_user (id) on delete set null,
    primary key (response_id, code, item)
);

create table answer_history (
    id bigint generated always as identity primary key,
    response_id bigint not null references response (id),
    code text not null,
    item integer not null,
    old_value text,
    new_value text,
    changed_at timestamptz not null,
    changed_by bigint references app_user (id) on delete set null
);
create index answer_history_response_idx on answer_history (response_id, code, item, id);
