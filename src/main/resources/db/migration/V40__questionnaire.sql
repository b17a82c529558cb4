-- Published questionnaire versions (docs/questionnaire-format.md). The definition file is
-- kept as published; a published version never changes (the trigger refuses it), so that
-- every answer can always be read against the questions it answered.
create table questionnaire_version (
    id bigint generated always as identity primary key,
    family text not null,
    version text not null,
    title text not null,
    source text not null,
    sha256 char(64) not null,
    published_at timestamptz not null,
    published_by bigint references app_user (id) on delete set null,
    unique (family, version)
);

create function questionnaire_version_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'questionnaire version % is published: it never changes', old.id;
end $$;

create trigger questionnaire_version_immutable before update or delete on questionnaire_version
    for each row execute function questionnaire_version_immutable();
