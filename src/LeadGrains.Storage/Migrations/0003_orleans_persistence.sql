-- Grain state for Microsoft.Orleans.Persistence.AdoNet 10.4.x.
-- The 10.4 provider binds only PayloadBinary (its serializer decides the format), so the
-- PayloadJson/PayloadXml columns of older Orleans scripts are not created.

CREATE TABLE IF NOT EXISTS OrleansStorage
(
    GrainIdHash            integer      NOT NULL,
    GrainIdN0              bigint       NOT NULL,
    GrainIdN1              bigint       NOT NULL,
    GrainTypeHash          integer      NOT NULL,
    GrainTypeString        varchar(512) NOT NULL,
    GrainIdExtensionString varchar(512) NULL,
    ServiceId              varchar(150) NOT NULL,
    PayloadBinary          bytea        NULL,
    ModifiedOn             timestamptz  NOT NULL DEFAULT now(),
    Version                integer      NULL
);

-- One row per grain state. NULLS NOT DISTINCT (PostgreSQL 15+) because grains without a key
-- extension have a NULL GrainIdExtensionString and must still collide. The leading hash columns
-- make this the lookup index for every storage query as well.
CREATE UNIQUE INDEX IF NOT EXISTS UX_OrleansStorage_Grain
    ON OrleansStorage (GrainIdHash, GrainTypeHash, ServiceId, GrainIdN0, GrainIdN1, GrainTypeString, GrainIdExtensionString)
    NULLS NOT DISTINCT;

-- Returns the new version on success. On a lost race it returns the caller's version unchanged
-- (update) or NULL (first insert), which the provider turns into an InconsistentStateException.
CREATE OR REPLACE FUNCTION writetostorage(
    _GrainIdHash            integer,
    _GrainIdN0              bigint,
    _GrainIdN1              bigint,
    _GrainTypeHash          integer,
    _GrainTypeString        varchar,
    _GrainIdExtensionString varchar,
    _ServiceId              varchar,
    _GrainStateVersion      integer,
    _PayloadBinary          bytea,
    OUT NewGrainStateVersion integer)
LANGUAGE plpgsql
AS $fn$
BEGIN
    IF _GrainStateVersion IS NULL THEN
        -- DO NOTHING rather than an error: with the unique index a concurrent first write
        -- simply loses instead of failing with unique_violation or duplicating the row.
        INSERT INTO OrleansStorage AS s
            (GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeHash, GrainTypeString, GrainIdExtensionString,
             ServiceId, PayloadBinary, ModifiedOn, Version)
        VALUES
            (_GrainIdHash, _GrainIdN0, _GrainIdN1, _GrainTypeHash, _GrainTypeString, _GrainIdExtensionString,
             _ServiceId, _PayloadBinary, now(), 1)
        ON CONFLICT DO NOTHING
        RETURNING s.Version INTO NewGrainStateVersion;
        RETURN;
    END IF;

    UPDATE OrleansStorage AS s
       SET PayloadBinary = _PayloadBinary,
           ModifiedOn = now(),
           Version = s.Version + 1
     WHERE s.GrainIdHash = _GrainIdHash
       AND s.GrainTypeHash = _GrainTypeHash
       AND s.ServiceId = _ServiceId
       AND s.GrainIdN0 = _GrainIdN0
       AND s.GrainIdN1 = _GrainIdN1
       AND s.GrainTypeString = _GrainTypeString
       AND s.GrainIdExtensionString IS NOT DISTINCT FROM _GrainIdExtensionString
       AND s.Version = _GrainStateVersion
    RETURNING s.Version INTO NewGrainStateVersion;
    IF NOT FOUND THEN
        NewGrainStateVersion := _GrainStateVersion;
    END IF;
END
$fn$;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('WriteToStorageKey', $q$
    SELECT NewGrainStateVersion
      FROM writetostorage(@GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString,
                          @GrainIdExtensionString, @ServiceId, @GrainStateVersion, @PayloadBinary);
$q$),
('ReadFromStorageKey', $q$
    SELECT PayloadBinary, Version
      FROM OrleansStorage
     WHERE GrainIdHash = @GrainIdHash
       AND GrainTypeHash = @GrainTypeHash
       AND ServiceId = @ServiceId
       AND GrainIdN0 = @GrainIdN0
       AND GrainIdN1 = @GrainIdN1
       AND GrainTypeString = @GrainTypeString
       AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString;
$q$),
-- Keeps the row (payload NULL, version bumped) so the ETag stays monotonic across clear and re-create.
('ClearStorageKey', $q$
    UPDATE OrleansStorage
       SET PayloadBinary = NULL,
           ModifiedOn = now(),
           Version = Version + 1
     WHERE GrainIdHash = @GrainIdHash
       AND GrainTypeHash = @GrainTypeHash
       AND ServiceId = @ServiceId
       AND GrainIdN0 = @GrainIdN0
       AND GrainIdN1 = @GrainIdN1
       AND GrainTypeString = @GrainTypeString
       AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString
       AND Version = @GrainStateVersion
    RETURNING Version AS NewGrainStateVersion;
$q$),
-- Used instead of ClearStorageKey when DeleteStateOnClear is set. The provider only needs a
-- value different from the caller's ETag to know the delete matched.
('DeleteStorageKey', $q$
    DELETE FROM OrleansStorage
     WHERE GrainIdHash = @GrainIdHash
       AND GrainTypeHash = @GrainTypeHash
       AND ServiceId = @ServiceId
       AND GrainIdN0 = @GrainIdN0
       AND GrainIdN1 = @GrainIdN1
       AND GrainTypeString = @GrainTypeString
       AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString
       AND Version = @GrainStateVersion
    RETURNING Version + 1 AS NewGrainStateVersion;
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;
