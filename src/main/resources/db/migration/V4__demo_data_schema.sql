-- Which demo data this database holds: one run, and the steps it completed (a step that
-- did not complete, e.g. because the application stopped, is run again at next start).
create table demo_data_run (
    id integer primary key check (id = 1),
    seed bigint not null,
    reference_date date not null,
    size text not null,
    started_at timestamptz not null,
    finished_at timestamptz
);

create table demo_data_step (
    name text primary key,
    completed_at timestamptz not null,
    rows_written integer not null
);
