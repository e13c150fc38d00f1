-- LeadGrains' own tables, outside Orleans' grain state.

-- Append-only: rows are inserted, never updated. occurred_at is when it happened (the caller's
-- clock), recorded_at when it was stored.
CREATE TABLE IF NOT EXISTS leadgrains_events
(
    id          bigserial   NOT NULL,
    occurred_at timestamptz NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT now(),
    lead_id     text        NULL,
    kind        text        NOT NULL,
    payload     jsonb       NOT NULL DEFAULT '{}'::jsonb,
    CONSTRAINT pk_leadgrains_events PRIMARY KEY (id)
);

CREATE INDEX IF NOT EXISTS ix_leadgrains_events_occurred_at
    ON leadgrains_events (occurred_at);

-- At most one pending deadline of each kind per lead.
CREATE TABLE IF NOT EXISTS leadgrains_deadlines
(
    lead_id text        NOT NULL,
    kind    text        NOT NULL,
    due_at  timestamptz NOT NULL,
    CONSTRAINT pk_leadgrains_deadlines PRIMARY KEY (lead_id, kind)
);

CREATE INDEX IF NOT EXISTS ix_leadgrains_deadlines_due_at
    ON leadgrains_deadlines (due_at);
