-- The audit trail (ADR 10): every change to data and every security event, append-only.
-- No names nor e-mail addresses here: people are ids, and the page reads their names from
-- app_user at read time, so erasing or anonymising a person leaves the trail intact but
-- pseudonymous. No foreign key to app_user either, so that deleting a user row never
-- touches (nor is blocked by) the trail.
create table audit_entry (
    id bigint generated always as identity primary key,
    occurred_at timestamptz not null,
    category text not null check (category in ('SECURITY', 'DATA')),
    action text not null,
    actor_user_id bigint,
    object_type text,
    object_id text,
    -- Where the object lies, for scoped readers; region_code follows from the département.
    region_code text,
    departement_code text,
    structure_id bigint,
    before jsonb not null default '{}',
    after jsonb not null default '{}'
);

-- The page: newest first, within a scope, by actor; the purge: per category, oldest first.
create index audit_entry_occurred_idx on audit_entry (occurred_at desc, id desc);
create index audit_entry_category_idx on audit_entry (category, occurred_at);
create index audit_entry_region_idx on audit_entry (region_code, occurred_at desc) where region_code is not null;
create index audit_entry_departement_idx on audit_entry (departement_code, occurred_at desc)
    where departement_code is not null;
create index audit_entry_structure_idx on audit_entry (structure_id, occurred_at desc) where structure_id is not null;
create index audit_entry_actor_idx on audit_entry (actor_user_id, occurred_at desc) where actor_user_id is not null;

-- Append-only in the database too, whatever the code does: no update ever, no delete
-- except in a transaction that declared itself the retention purge with
-- set_config('maillage.audit_purge', 'on', true) (transaction-local).
create function audit_entry_append_only() returns trigger
    language plpgsql as $$
begin
    if tg_op = 'DELETE' and current_setting('maillage.audit_purge', true) = 'on' then
        return old;
    end if;
    raise exception 'audit_entry is append-only: % refused', tg_op
        using hint = 'Only the retention purge deletes audit entries; nothing updates them.';
end;
$$;

create trigger audit_entry_append_only
    before update or delete on audit_entry
    for each row execute function audit_entry_append_only();

create trigger audit_entry_no_truncate
    before truncate on audit_entry
    for each statement execute function audit_entry_append_only();

-- ShedLock: scheduled jobs (the purge, and later ones) run on one instance at a time.
-- Times are the database's (usingDbTime), so instances' clocks need not agree.
create table shedlock (
    name varchar(64) not null primary key,
    lock_until timestamp not null,
    locked_at timestamp not null,
    locked_by varchar(255) not null
);
