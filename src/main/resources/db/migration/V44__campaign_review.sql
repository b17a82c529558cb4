-- Issue 6: the campaign's lifecycle and the review of responses (ADR 20, addendum
-- "lifecycle and review").

-- A campaign is opened once by a national administrator: its responses are then created
-- for every structure of its target and the invitations are sent. Reminders go at these
-- numbers of days before each structure's deadline.
alter table campaign add column opened_at timestamptz;
alter table campaign add column reminder_days int[] not null default '{14,7,1}';

-- A Caf advisor may give one structure more time: its deadline becomes this date (23:59 in
-- the structure's time zone). Never earlier than the campaign's close (checked by the
-- service, which says so in French).
create table response_extension (
    response_id bigint primary key references response (id),
    until_on date not null,
    granted_by bigint references app_user (id) on delete set null,
    granted_at timestamptz not null,
    reason text
);

-- A reviewer's comment on one question of a response (code null: on the whole response).
-- Shown to the structure next to the field; kept in the history tab. Append-only.
create table response_comment (
    id bigint generated always as identity primary key,
    response_id bigint not null references response (id),
    code text,
    item int not null default 0,
    body text not null check (length(body) between 1 and 2000),
    author_id bigint references app_user (id) on delete set null,
    created_at timestamptz not null
);
create index response_comment_response_idx on response_comment (response_id, id);

-- Reminders sent to a structure about one response: at most one a day, whatever sent it
-- (the scheduled reminders or the one-click reminder of the tracking page).
create table response_reminder (
    response_id bigint not null references response (id),
    sent_on date not null,
    trigger text not null check (trigger in ('SCHEDULED', 'MANUAL')),
    sent_by bigint references app_user (id) on delete set null,
    sent_at timestamptz not null,
    primary key (response_id, sent_on)
);
