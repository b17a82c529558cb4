-- People who sign in.
create table app_user (
    id bigint generated always as identity primary key,
    email text not null,
    display_name text not null,
    password_hash text,
    enabled boolean not null default true,
    created_at timestamptz not null,
    last_login_at timestamptz
);
-- E-mail addresses are compared without case: one account per address.
create unique index app_user_email_idx on app_user (lower(email));

-- A role held on a scope (shared/design/permissions.md). The scope code is a region code, a
-- département code or a structure id, depending on its kind; the nation has none. Which
-- scopes a role may be held on is checked here as well as in the code.
create table role_assignment (
    id bigint generated always as identity primary key,
    user_id bigint not null references app_user (id) on delete cascade,
    role text not null,
    scope_kind text not null,
    scope_code text,
    granted_by bigint references app_user (id) on delete set null,
    granted_at timestamptz not null,
    constraint role_assignment_scope_code check ((scope_kind = 'NATION') = (scope_code is null)),
    -- One spelling per scope, so that text comparisons (and the unique index) hold.
    constraint role_assignment_canonical_code check (
        (scope_kind <> 'STRUCTURE' or scope_code ~ '^[1-9][0-9]*$')
        and (scope_kind <> 'DEPARTEMENT' or scope_code ~ '^([0-9]{2,3}|2[AB])$')
        and (scope_kind <> 'REGION' or scope_code ~ '^[0-9]{2}$')),
    constraint role_assignment_role_scope check (
        (role = 'NATIONAL_ADMIN' and scope_kind = 'NATION')
        or (role in ('CAF_ADVISOR', 'REVIEWER') and scope_kind = 'DEPARTEMENT')
        or (role = 'FEDERATION' and scope_kind in ('DEPARTEMENT', 'REGION'))
        or (role in ('STRUCTURE_MANAGER', 'STRUCTURE_STAFF') and scope_kind = 'STRUCTURE'))
);
create unique index role_assignment_unique_idx on role_assignment (user_id, role, scope_kind, coalesce(scope_code, ''));
create index role_assignment_scope_idx on role_assignment (scope_kind, scope_code);

-- Failed sign-ins, per submitted account name and per client address, shared by every
-- application instance. A key exists whether or not the account does.
create table login_throttle (
    key_kind text not null check (key_kind in ('ACCOUNT', 'ADDRESS')),
    key_value text not null,
    failures integer not null,
    first_failure_at timestamptz not null,
    blocked_until timestamptz,
    primary key (key_kind, key_value)
);
