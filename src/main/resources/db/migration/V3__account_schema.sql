-- People who sign in. Roles are held on a scope (added with the scoped-roles migration).
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

create table user_role (
    user_id bigint not null references app_user (id) on delete cascade,
    role text not null check (role in ('NATIONAL_ADMIN', 'CAF_ADVISOR', 'FEDERATION', 'REVIEWER',
                                       'STRUCTURE_MANAGER', 'STRUCTURE_STAFF')),
    primary key (user_id, role)
);

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
