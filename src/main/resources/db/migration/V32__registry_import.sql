-- A registry import file between its preview and its confirmation (ADR 17): the person
-- confirms what the preview showed, and the confirmation reads and checks the same bytes
-- again. Removed once confirmed, and after a day if never confirmed.
create table registry_import (
    id bigint generated always as identity primary key,
    user_id bigint not null references app_user (id) on delete cascade,
    file_name text not null,
    content bytea not null,
    sha256 char(64) not null,
    created_at timestamptz not null
);
create index registry_import_created_idx on registry_import (created_at);
