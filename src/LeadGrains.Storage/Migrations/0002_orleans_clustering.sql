-- Membership (clustering) for Microsoft.Orleans.Clustering.AdoNet 10.4.x.
-- Contract: the query keys below, the @-parameters the provider binds, and the columns it reads by name.
-- Timestamps are timestamptz because Npgsql 6+ sends the provider's UTC DateTime values as timestamptz.

CREATE TABLE IF NOT EXISTS OrleansMembershipVersionTable
(
    DeploymentId varchar(150)   NOT NULL,
    Timestamp    timestamptz(3) NOT NULL DEFAULT now(),
    Version      integer        NOT NULL DEFAULT 0,
    CONSTRAINT PK_OrleansMembershipVersionTable_DeploymentId PRIMARY KEY (DeploymentId)
);

CREATE TABLE IF NOT EXISTS OrleansMembershipTable
(
    DeploymentId varchar(150)   NOT NULL,
    Address      varchar(45)    NOT NULL,
    Port         integer        NOT NULL,
    Generation   integer        NOT NULL,
    SiloName     varchar(150)   NOT NULL,
    HostName     varchar(150)   NOT NULL,
    Status       integer        NOT NULL,
    ProxyPort    integer        NULL,
    SuspectTimes text           NULL,
    StartTime    timestamptz(3) NOT NULL,
    IAmAliveTime timestamptz(3) NOT NULL,
    CONSTRAINT PK_MembershipTable_DeploymentId PRIMARY KEY (DeploymentId, Address, Port, Generation),
    CONSTRAINT FK_MembershipTable_MembershipVersionTable_DeploymentId
        FOREIGN KEY (DeploymentId) REFERENCES OrleansMembershipVersionTable (DeploymentId)
);

-- IAmAlive only ever moves forward, so a late heartbeat cannot make a silo look older than it is.
CREATE OR REPLACE FUNCTION update_i_am_alive_time(
    DeploymentIdArg varchar,
    AddressArg      varchar,
    PortArg         integer,
    GenerationArg   integer,
    IAmAliveTimeArg timestamptz)
RETURNS void
LANGUAGE sql
AS $fn$
    UPDATE OrleansMembershipTable AS m
       SET IAmAliveTime = GREATEST(m.IAmAliveTime, IAmAliveTimeArg)
     WHERE m.DeploymentId = DeploymentIdArg
       AND m.Address = AddressArg
       AND m.Port = PortArg
       AND m.Generation = GenerationArg;
$fn$;

-- Returns 1 when this call created the version row, 0 when it already existed.
CREATE OR REPLACE FUNCTION insert_membership_version(
    DeploymentIdArg varchar,
    OUT row_count integer)
LANGUAGE sql
AS $fn$
    WITH created AS (
        INSERT INTO OrleansMembershipVersionTable (DeploymentId)
        VALUES (DeploymentIdArg)
        ON CONFLICT (DeploymentId) DO NOTHING
        RETURNING 1
    )
    SELECT count(*)::integer FROM created;
$fn$;

-- Optimistic concurrency on the table version: bump it only from the version the silo read,
-- then add the silo's row. Any failure leaves both untouched and returns 0.
CREATE OR REPLACE FUNCTION insert_membership(
    DeploymentIdArg varchar,
    AddressArg      varchar,
    PortArg         integer,
    GenerationArg   integer,
    SiloNameArg     varchar,
    HostNameArg     varchar,
    StatusArg       integer,
    ProxyPortArg    integer,
    StartTimeArg    timestamptz,
    IAmAliveTimeArg timestamptz,
    VersionArg      integer,
    OUT row_count integer)
LANGUAGE plpgsql
AS $fn$
BEGIN
    UPDATE OrleansMembershipVersionTable
       SET Timestamp = now(),
           Version = Version + 1
     WHERE DeploymentId = DeploymentIdArg
       AND Version = VersionArg
       AND Version < 2147483647;
    IF NOT FOUND THEN
        row_count := 0;
        RETURN;
    END IF;

    INSERT INTO OrleansMembershipTable
        (DeploymentId, Address, Port, Generation, SiloName, HostName, Status, ProxyPort, StartTime, IAmAliveTime)
    VALUES
        (DeploymentIdArg, AddressArg, PortArg, GenerationArg, SiloNameArg, HostNameArg, StatusArg, ProxyPortArg, StartTimeArg, IAmAliveTimeArg);
    row_count := 1;
EXCEPTION
    WHEN unique_violation THEN
        -- The handler rolls back the version bump made above.
        row_count := 0;
END
$fn$;

CREATE OR REPLACE FUNCTION update_membership(
    DeploymentIdArg varchar,
    AddressArg      varchar,
    PortArg         integer,
    GenerationArg   integer,
    StatusArg       integer,
    SuspectTimesArg text,
    IAmAliveTimeArg timestamptz,
    VersionArg      integer,
    OUT row_count integer)
LANGUAGE plpgsql
AS $fn$
BEGIN
    UPDATE OrleansMembershipVersionTable
       SET Timestamp = now(),
           Version = Version + 1
     WHERE DeploymentId = DeploymentIdArg
       AND Version = VersionArg
       AND Version < 2147483647;
    IF NOT FOUND THEN
        row_count := 0;
        RETURN;
    END IF;

    UPDATE OrleansMembershipTable AS m
       SET Status = StatusArg,
           SuspectTimes = SuspectTimesArg,
           IAmAliveTime = GREATEST(m.IAmAliveTime, IAmAliveTimeArg)
     WHERE m.DeploymentId = DeploymentIdArg
       AND m.Address = AddressArg
       AND m.Port = PortArg
       AND m.Generation = GenerationArg;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'membership row not found' USING ERRCODE = 'no_data_found';
    END IF;
    row_count := 1;
EXCEPTION
    WHEN no_data_found THEN
        -- The handler rolls back the version bump made above.
        row_count := 0;
END
$fn$;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('UpdateIAmAlivetimeKey', $q$
    SELECT update_i_am_alive_time(@DeploymentId, @Address, @Port, @Generation, @IAmAliveTime);
$q$),
('InsertMembershipVersionKey', $q$
    SELECT row_count FROM insert_membership_version(@DeploymentId);
$q$),
('InsertMembershipKey', $q$
    SELECT row_count
      FROM insert_membership(@DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName,
                             @Status, @ProxyPort, @StartTime, @IAmAliveTime, @Version);
$q$),
('UpdateMembershipKey', $q$
    SELECT row_count
      FROM update_membership(@DeploymentId, @Address, @Port, @Generation, @Status,
                             @SuspectTimes, @IAmAliveTime, @Version);
$q$),
('MembershipReadRowKey', $q$
    SELECT v.DeploymentId, m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status,
           m.ProxyPort, m.SuspectTimes, m.StartTime, m.IAmAliveTime, v.Version
      FROM OrleansMembershipVersionTable AS v
      LEFT JOIN OrleansMembershipTable AS m
        ON m.DeploymentId = v.DeploymentId
       AND m.Address = @Address
       AND m.Port = @Port
       AND m.Generation = @Generation
     WHERE v.DeploymentId = @DeploymentId;
$q$),
('MembershipReadAllKey', $q$
    SELECT v.DeploymentId, m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status,
           m.ProxyPort, m.SuspectTimes, m.StartTime, m.IAmAliveTime, v.Version
      FROM OrleansMembershipVersionTable AS v
      LEFT JOIN OrleansMembershipTable AS m
        ON m.DeploymentId = v.DeploymentId
     WHERE v.DeploymentId = @DeploymentId;
$q$),
('DeleteMembershipTableEntriesKey', $q$
    DELETE FROM OrleansMembershipTable WHERE DeploymentId = @DeploymentId;
    DELETE FROM OrleansMembershipVersionTable WHERE DeploymentId = @DeploymentId;
$q$),
('GatewaysQueryKey', $q$
    SELECT Address, ProxyPort, Generation
      FROM OrleansMembershipTable
     WHERE DeploymentId = @DeploymentId
       AND Status = @Status
       AND ProxyPort > 0;
$q$),
-- Required by the 10.4 provider; only used when CleanupDefunctSiloEntryKey is absent.
-- Status 6 is Dead: only rows of silos that are dead and quiet since the cut-off go.
('CleanupDefunctSiloEntriesKey', $q$
    DELETE FROM OrleansMembershipTable
     WHERE DeploymentId = @DeploymentId
       AND Status = 6
       AND IAmAliveTime < @IAmAliveTime
       AND StartTime < @IAmAliveTime
       AND COALESCE(SuspectTimes, '') = '';
$q$),
-- Optional in 10.4: the provider reads all rows, picks the defunct ones itself and deletes each
-- only if it is still exactly as it read it.
('CleanupDefunctSiloEntryKey', $q$
    DELETE FROM OrleansMembershipTable
     WHERE DeploymentId = @DeploymentId
       AND Address = @Address
       AND Port = @Port
       AND Generation = @Generation
       AND Status = 6
       AND StartTime = @StartTime
       AND IAmAliveTime = @IAmAliveTime
       AND COALESCE(SuspectTimes, '') = COALESCE(@SuspectTimes, '');
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;
