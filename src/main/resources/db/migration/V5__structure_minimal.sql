-- The registry's core: what scopes and the observatory need to locate a structure. The
-- registry work completes it (identity record, approvals…). Its département and region are
-- copied from its commune when it is written, so that scoped queries filter on them directly.
create table structure (
    id bigint generated always as identity primary key,
    name text not null,
    kind text not null check (kind in ('CS', 'EVS')),
    commune_code char(5) not null references commune (code),
    departement_code varchar(3) not null references departement (code),
    region_code varchar(3) not null references region (code)
);
create index structure_departement_idx on structure (departement_code);
create index structure_region_idx on structure (region_code);

create function structure_locate() returns trigger language plpgsql as $$
begin
    select c.departement_code, c.region_code into new.departement_code, new.region_code
    from commune c where c.code = new.commune_code;
    return new;
end $$;

create trigger structure_locate before insert or update of commune_code on structure
    for each row execute function structure_locate();

-- Where each role assignment lies, as the columns Scope.where() filters on: a user is
-- visible to a manager when one of their assignments lies within the manager's scope.
create view role_assignment_location as
select ra.id, ra.user_id, ra.role, ra.scope_kind, ra.scope_code,
       case ra.scope_kind
           when 'REGION' then ra.scope_code
           when 'DEPARTEMENT' then d.region_code
           when 'STRUCTURE' then s.region_code
       end as region_code,
       case ra.scope_kind
           when 'DEPARTEMENT' then ra.scope_code
           when 'STRUCTURE' then s.departement_code
       end as departement_code,
       s.id as structure_id
from role_assignment ra
left join departement d on ra.scope_kind = 'DEPARTEMENT' and d.code = ra.scope_code
left join structure s on ra.scope_kind = 'STRUCTURE' and s.id::text = ra.scope_code;
