-- What the answer pages add to a response (ADR 20, addendum "answer pages").
-- A section confirmed by the structure: its proposals from last year's validated answers
-- became answers, and it stops proposing them.
create table response_section (
    response_id bigint not null references response (id),
    section_code text not null,
    confirmed_at timestamptz not null,
    confirmed_by bigint references app_user (id) on delete set null,
    primary key (response_id, section_code)
);

-- The short justification a structure gives at submission for a warning (a value far
-- from last year's or outside its département's usual range, a warning rule). Reviewers
-- read it next to the value.
create table answer_justification (
    response_id bigint not null references response (id),
    code text not null,
    text text not null check (length(text) between 1 and 1000),
    written_at timestamptz not null,
    written_by bigint references app_user (id) on delete set null,
    primary key (response_id, code)
);

-- The département comparison at submission reads one question's values across the
-- campaign's submitted and validated responses.
create index answer_code_idx on answer (code, response_id);
