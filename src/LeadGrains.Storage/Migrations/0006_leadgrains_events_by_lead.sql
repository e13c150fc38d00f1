-- What-if replay (POST /config/simulate) reads the whole history of each lead active in a window,
-- lead by lead in time order.
CREATE INDEX IF NOT EXISTS ix_leadgrains_events_lead_id_occurred_at
    ON leadgrains_events (lead_id, occurred_at, id);
