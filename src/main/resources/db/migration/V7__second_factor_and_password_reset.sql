-- Second factor (TOTP). The secret must be readable to check codes; recovery codes are
-- stored as hashes. totp_last_step refuses a code that was already used.
alter table app_user
    add column totp_secret text,
    add column totp_enabled_at timestamptz,
    add column totp_last_step bigint,
    add column inactivity_warned_at timestamptz;

create table recovery_code (
    id bigint generated always as identity primary key,
    user_id bigint not null references app_user (id) on delete cascade,
    code_hash text not null,
    used_at timestamptz
);
create index recovery_code_user_idx on recovery_code (user_id);

-- Password resets and first passwords: single-use links whose token only the e-mail holds.
create table password_reset (
    id bigint generated always as identity primary key,
    user_id bigint not null references app_user (id) on delete cascade,
    token_hash text not null unique,
    created_at timestamptz not null,
    expires_at timestamptz not null,
    used_at timestamptz
);
create index password_reset_user_idx on password_reset (user_id);

-- A person's request to erase their personal data, confirmed by a national administrator.
create table erasure_request (
    id bigint generated always as identity primary key,
    user_id bigint not null references app_user (id) on delete cascade,
    requested_at timestamptz not null,
    confirmed_at timestamptz,
    confirmed_by bigint references app_user (id) on delete set null
);
create unique index erasure_request_open_idx on erasure_request (user_id) where confirmed_at is null;
