-- E-mails, written in the transaction of the change that causes them and sent afterwards
-- by a background sender (docs/adr/0009-email-outbox.md). Rows are kept once sent or
-- given up, for the "Courriels" page.
--   PENDING: waiting for next_attempt_at; SENDING: claimed by a sender until claimed_until
--   (a lease: after it, another sender may take the row); SENT: accepted by the SMTP
--   server; FAILED: given up after too many failures.
-- attempts counts the attempts that ended (failed or sent), not those of a dead sender.
create table email_outbox (
    id bigint generated always as identity primary key,
    -- Chosen at enqueue time, so that a message sent twice after a crash is recognisable.
    message_id text not null unique,
    recipient text not null,
    subject text not null,
    body_text text not null,
    body_html text not null,
    template text not null,
    status text not null default 'PENDING' check (status in ('PENDING', 'SENDING', 'SENT', 'FAILED')),
    attempts integer not null default 0 check (attempts >= 0),
    next_attempt_at timestamptz not null,
    claimed_until timestamptz,
    -- A short message, never a stack trace.
    last_error text,
    created_at timestamptz not null,
    sent_at timestamptz,
    check ((status = 'SENDING') = (claimed_until is not null)),
    check ((status = 'SENT') = (sent_at is not null))
);

-- The sender's claim: the oldest row that is due. A claimed row's next_attempt_at is its
-- lease end, so rows left by a dead sender become due again through the same index.
create index email_outbox_due_idx on email_outbox (next_attempt_at, id) where status in ('PENDING', 'SENDING');
-- The "Courriels" page, newest first, filtered by status.
create index email_outbox_status_idx on email_outbox (status, id);
