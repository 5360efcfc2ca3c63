-- 0002_orleans_clustering (up)
--
-- Cluster membership for Microsoft.Orleans.Clustering.AdoNet 10.4.2
-- (silo: UseAdoNetClustering, client: UseAdoNetClustering gateway list).
--
-- Contract with the 10.4.2 DLL:
--   * Rows are looked up by QueryKey. The provider refuses to start unless all of
--     GatewaysQueryKey, MembershipReadRowKey, MembershipReadAllKey,
--     InsertMembershipVersionKey, UpdateIAmAlivetimeKey, InsertMembershipKey,
--     UpdateMembershipKey, DeleteMembershipTableEntriesKey and
--     CleanupDefunctSiloEntriesKey exist. CleanupDefunctSiloEntryKey is optional;
--     when present, 10.4.2 uses it instead of CleanupDefunctSiloEntriesKey.
--   * Parameters are bound by name: @DeploymentId (= ClusterOptions.ClusterId),
--     @Address, @Port, @Generation, @SiloName, @HostName, @Status, @ProxyPort,
--     @StartTime, @IAmAliveTime, @SuspectTimes, @Version. DateTimes are UTC and sent
--     as timestamptz.
--   * Result columns are read by name (Address, Port, Generation, SiloName, HostName,
--     Status, ProxyPort, SuspectTimes, StartTime, IAmAliveTime, Version). Conditional
--     writes return one column that is read as a boolean.
--   * The table version (the "etag" of the whole membership table) lives in
--     OrleansMembershipVersionTable. A write succeeds only if @Version still equals the
--     stored version; the version is then incremented in the same transaction.
--     A write that fails leaves nothing changed and returns false.
--   * No MetadataJson column: later Orleans versions add it, 10.4.2 neither writes nor reads it.
--
-- Runs inside the migration runner's transaction: no BEGIN/COMMIT here.

-- One row per cluster (DeploymentId = ClusterId): the membership table version.
CREATE TABLE OrleansMembershipVersionTable
(
    DeploymentId varchar(150)   NOT NULL,
    Timestamp    timestamptz(3) NOT NULL DEFAULT now(),
    Version      integer        NOT NULL DEFAULT 0,

    CONSTRAINT PK_OrleansMembershipVersionTable_DeploymentId PRIMARY KEY (DeploymentId)
);

-- One row per silo incarnation (address, port and generation = start time stamp).
CREATE TABLE OrleansMembershipTable
(
    DeploymentId varchar(150)   NOT NULL,
    Address      varchar(45)    NOT NULL,   -- IPv4 or IPv6 text
    Port         integer        NOT NULL,   -- silo-to-silo port
    Generation   integer        NOT NULL,
    SiloName     varchar(150)   NOT NULL,
    HostName     varchar(150)   NOT NULL,
    Status       integer        NOT NULL,   -- Orleans SiloStatus: 3 = Active, 6 = Dead
    ProxyPort    integer        NOT NULL,   -- gateway port, 0 when the silo is no gateway
    SuspectTimes varchar(8000)  NULL,       -- "silo,time|silo,time" suspicion votes
    StartTime    timestamptz(3) NOT NULL,
    IAmAliveTime timestamptz(3) NOT NULL,   -- heartbeat

    CONSTRAINT PK_MembershipTable_DeploymentId PRIMARY KEY (DeploymentId, Address, Port, Generation),
    CONSTRAINT FK_MembershipTable_MembershipVersionTable_DeploymentId
        FOREIGN KEY (DeploymentId) REFERENCES OrleansMembershipVersionTable (DeploymentId)
);

-- Adds a silo row, but only if the caller's table version is still current.
-- Returns true when both the version was bumped and the row inserted. If the row
-- already exists, the version bump is rolled back (inner block) and false is returned.
CREATE FUNCTION insert_membership(
    p_deployment_id   varchar,
    p_address         varchar,
    p_port            integer,
    p_generation      integer,
    p_silo_name       varchar,
    p_host_name       varchar,
    p_status          integer,
    p_proxy_port      integer,
    p_start_time      timestamptz,
    p_i_am_alive_time timestamptz,
    p_version         integer)
RETURNS boolean
LANGUAGE plpgsql
AS $fn$
DECLARE
    affected integer;
BEGIN
    BEGIN
        UPDATE OrleansMembershipVersionTable
        SET Version = Version + 1,
            Timestamp = now()
        WHERE DeploymentId = p_deployment_id
          AND Version = p_version
          AND Version < 2147483647;

        GET DIAGNOSTICS affected = ROW_COUNT;
        IF affected = 0 THEN
            RETURN false;           -- stale table version: nothing was changed
        END IF;

        INSERT INTO OrleansMembershipTable
            (DeploymentId, Address, Port, Generation, SiloName, HostName,
             Status, ProxyPort, StartTime, IAmAliveTime)
        VALUES
            (p_deployment_id, p_address, p_port, p_generation, p_silo_name, p_host_name,
             p_status, p_proxy_port, p_start_time, p_i_am_alive_time)
        ON CONFLICT (DeploymentId, Address, Port, Generation) DO NOTHING;

        GET DIAGNOSTICS affected = ROW_COUNT;
        IF affected = 0 THEN
            -- The silo row exists already: undo the version bump above.
            RAISE EXCEPTION USING ERRCODE = 'assert_failure';
        END IF;

        RETURN true;
    EXCEPTION
        WHEN assert_failure THEN
            RETURN false;
    END;
END
$fn$;

-- Changes a silo row's status and suspicion votes, but only if the caller's table
-- version is still current. Returns true on success. If the row does not exist,
-- the version bump is rolled back and false is returned. The heartbeat never moves
-- backwards (GREATEST), because UpdateIAmAlivetimeKey writes it without a version check.
CREATE FUNCTION update_membership(
    p_deployment_id   varchar,
    p_address         varchar,
    p_port            integer,
    p_generation      integer,
    p_status          integer,
    p_suspect_times   varchar,
    p_i_am_alive_time timestamptz,
    p_version         integer)
RETURNS boolean
LANGUAGE plpgsql
AS $fn$
DECLARE
    affected integer;
BEGIN
    BEGIN
        UPDATE OrleansMembershipVersionTable
        SET Version = Version + 1,
            Timestamp = now()
        WHERE DeploymentId = p_deployment_id
          AND Version = p_version
          AND Version < 2147483647;

        GET DIAGNOSTICS affected = ROW_COUNT;
        IF affected = 0 THEN
            RETURN false;
        END IF;

        UPDATE OrleansMembershipTable
        SET Status = p_status,
            SuspectTimes = p_suspect_times,
            IAmAliveTime = GREATEST(IAmAliveTime, p_i_am_alive_time)
        WHERE DeploymentId = p_deployment_id
          AND Address = p_address
          AND Port = p_port
          AND Generation = p_generation;

        GET DIAGNOSTICS affected = ROW_COUNT;
        IF affected = 0 THEN
            RAISE EXCEPTION USING ERRCODE = 'assert_failure';
        END IF;

        RETURN true;
    EXCEPTION
        WHEN assert_failure THEN
            RETURN false;
    END;
END
$fn$;

-- The queries. Dollar quoting ($q$ ... $q$) keeps the SQL readable without doubling quotes.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES

-- Silo start: create the cluster's version row if missing. Returns true if it was created.
('InsertMembershipVersionKey', $q$
WITH inserted AS (
    INSERT INTO OrleansMembershipVersionTable (DeploymentId)
    VALUES (@DeploymentId)
    ON CONFLICT (DeploymentId) DO NOTHING
    RETURNING 1
)
SELECT count(*) > 0 FROM inserted;
$q$),

-- Silo joins: add its row (conditional on the table version).
('InsertMembershipKey', $q$
SELECT insert_membership(@DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName,
                         @Status, @ProxyPort, @StartTime, @IAmAliveTime, @Version);
$q$),

-- Status change / suspicion vote (conditional on the table version).
('UpdateMembershipKey', $q$
SELECT update_membership(@DeploymentId, @Address, @Port, @Generation,
                         @Status, @SuspectTimes, @IAmAliveTime, @Version);
$q$),

-- Heartbeat of the silo's own row. Not versioned; the result is not read.
('UpdateIAmAlivetimeKey', $q$
UPDATE OrleansMembershipTable
SET IAmAliveTime = GREATEST(IAmAliveTime, @IAmAliveTime)
WHERE DeploymentId = @DeploymentId
  AND Address = @Address
  AND Port = @Port
  AND Generation = @Generation;
$q$),

-- One silo's row plus the table version. The LEFT JOIN returns the version row even
-- when the silo has no row (the provider then sees an empty member list).
('MembershipReadRowKey', $q$
SELECT v.DeploymentId, m.Address, m.Port, m.Generation, m.SiloName, m.HostName,
       m.Status, m.ProxyPort, m.SuspectTimes, m.StartTime, m.IAmAliveTime, v.Version
FROM OrleansMembershipVersionTable v
LEFT JOIN OrleansMembershipTable m
       ON m.DeploymentId = v.DeploymentId
      AND m.Address = @Address
      AND m.Port = @Port
      AND m.Generation = @Generation
WHERE v.DeploymentId = @DeploymentId;
$q$),

-- All silo rows of the cluster plus the table version.
('MembershipReadAllKey', $q$
SELECT v.DeploymentId, m.Address, m.Port, m.Generation, m.SiloName, m.HostName,
       m.Status, m.ProxyPort, m.SuspectTimes, m.StartTime, m.IAmAliveTime, v.Version
FROM OrleansMembershipVersionTable v
LEFT JOIN OrleansMembershipTable m
       ON m.DeploymentId = v.DeploymentId
WHERE v.DeploymentId = @DeploymentId;
$q$),

-- Clients: gateways of active silos (@Status is 3 = Active).
('GatewaysQueryKey', $q$
SELECT Address, ProxyPort, Generation
FROM OrleansMembershipTable
WHERE DeploymentId = @DeploymentId
  AND Status = @Status
  AND ProxyPort > 0;
$q$),

-- Removes the whole cluster (tests / tooling only).
('DeleteMembershipTableEntriesKey', $q$
DELETE FROM OrleansMembershipTable WHERE DeploymentId = @DeploymentId;
DELETE FROM OrleansMembershipVersionTable WHERE DeploymentId = @DeploymentId;
$q$),

-- Defunct-silo cleanup, per row (used by 10.4.2 because this key exists): delete one
-- Dead (6) row, only if it is unchanged since the provider read it (captured start
-- time, heartbeat and suspicion votes), so a concurrent change wins over the cleanup.
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
$q$),

-- Defunct-silo cleanup, bulk (required key; only used when CleanupDefunctSiloEntryKey
-- is missing): delete Dead rows whose start and last heartbeat are older than the cut-off.
('CleanupDefunctSiloEntriesKey', $q$
DELETE FROM OrleansMembershipTable
WHERE DeploymentId = @DeploymentId
  AND Status = 6
  AND StartTime < @IAmAliveTime
  AND IAmAliveTime < @IAmAliveTime;
$q$);
