-- An invitation to join with one role on one scope. Only a hash of its token is kept: the
-- token itself exists only in the e-mail. Single use, valid 7 days.
create table invitation (
    id bigint generated always as identity primary key,
    email text not null,
    display_name text not null,
    role text not null,
    scope_kind text not null,
    scope_code text,
    token_hash text not null unique,
    invited_by bigint references app_user (id) on delete set null,
    created_at timestamptz not null,
    expires_at timestamptz not null,
    accepted_at timestamptz,
    accepted_by bigint references app_user (id) on delete set null,
    renewed_at timestamptz
);
create index invitation_email_idx on invitation (lower(email));
