-- 0003_orleans_persistence (up)
--
-- Grain state storage for Microsoft.Orleans.Persistence.AdoNet 10.4.2 (AddAdoNetGrainStorage).
--
-- Contract with the 10.4.2 DLL:
--   * At start-up it reads the keys WriteToStorageKey, ReadFromStorageKey,
--     ClearStorageKey (required) and DeleteStorageKey (optional; needed only for
--     AdoNetGrainStorageOptions.DeleteStateOnClear = true).
--   * Every query gets @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash,
--     @GrainTypeString, @GrainIdExtensionString (NULL unless the grain has a string key
--     or key extension) and @ServiceId; writes, clears and deletes also @GrainStateVersion
--     (the grain's ETag, NULL if it has never been stored); writes also @PayloadBinary.
--   * Binary payload only: 10.4.2 no longer sends or reads JSON/XML payloads.
--   * ReadFromStorageKey: the provider reads the columns PayloadBinary and Version by name.
--   * Write/clear/delete return the new version in one column (write: read by name as
--     NewGrainStateVersion; clear/delete: first column). Returning the unchanged
--     @GrainStateVersion, NULL or no row means "version conflict": Orleans then throws
--     InconsistentStateException.
--
-- Runs inside the migration runner's transaction: no BEGIN/COMMIT here.

-- One row per grain state (service, grain type, grain id).
-- Cleared state keeps its row with PayloadBinary = NULL and a higher Version, unless
-- DeleteStateOnClear is set, in which case the row is deleted.
CREATE TABLE OrleansStorage
(
    GrainIdHash            integer      NOT NULL,  -- hash of the grain id, for the index
    GrainIdN0              bigint       NOT NULL,  -- grain key, first 64 bits (GUID / integer keys)
    GrainIdN1              bigint       NOT NULL,  -- grain key, second 64 bits
    GrainTypeHash          integer      NOT NULL,  -- hash of GrainTypeString, for the index
    GrainTypeString        varchar(512) NOT NULL,  -- grain type (generic arguments stripped)
    GrainIdExtensionString varchar(512) NULL,      -- string key and/or key extension
    ServiceId              varchar(150) NOT NULL,  -- ClusterOptions.ServiceId
    PayloadBinary          bytea        NULL,      -- serialized state; NULL once cleared
    ModifiedOn             timestamptz  NOT NULL DEFAULT now(),
    Version                integer      NOT NULL   -- the ETag; starts at 1
);

-- Lookups go through the two hashes; the remaining key columns are compared on the few hits.
CREATE INDEX IX_OrleansStorage ON OrleansStorage (GrainIdHash, GrainTypeHash);

-- Writes a grain state and returns the new version.
--   p_grain_state_version NOT NULL: optimistic update of the row holding that version.
--       Returns version + 1, or the unchanged version when the row has moved on (conflict).
--   p_grain_state_version NULL: first write of this grain. Inserts version 1, or returns
--       NULL (conflict) when a row exists already. Concurrent first writes of the same
--       grain are serialised with a transaction-scoped advisory lock on the two hashes,
--       so only one of them can insert.
CREATE FUNCTION WriteToStorage(
    p_grain_id_hash            integer,
    p_grain_id_n0              bigint,
    p_grain_id_n1              bigint,
    p_grain_type_hash          integer,
    p_grain_type_string        varchar,
    p_grain_id_extension_string varchar,
    p_service_id               varchar,
    p_grain_state_version      integer,
    p_payload_binary           bytea)
RETURNS integer
LANGUAGE plpgsql
AS $fn$
BEGIN
    IF p_grain_state_version IS NOT NULL THEN
        UPDATE OrleansStorage
        SET PayloadBinary = p_payload_binary,
            ModifiedOn = now(),
            Version = Version + 1
        WHERE GrainIdHash = p_grain_id_hash
          AND GrainTypeHash = p_grain_type_hash
          AND GrainIdN0 = p_grain_id_n0
          AND GrainIdN1 = p_grain_id_n1
          AND GrainTypeString = p_grain_type_string
          AND GrainIdExtensionString IS NOT DISTINCT FROM p_grain_id_extension_string
          AND ServiceId = p_service_id
          AND Version = p_grain_state_version;

        IF FOUND THEN
            RETURN p_grain_state_version + 1;
        END IF;
        RETURN p_grain_state_version;      -- conflict
    END IF;

    PERFORM pg_advisory_xact_lock(p_grain_id_hash, p_grain_type_hash);

    -- A new statement, so it sees rows committed while this call waited for the lock.
    INSERT INTO OrleansStorage
        (GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeHash, GrainTypeString,
         GrainIdExtensionString, ServiceId, PayloadBinary, ModifiedOn, Version)
    SELECT p_grain_id_hash, p_grain_id_n0, p_grain_id_n1, p_grain_type_hash, p_grain_type_string,
           p_grain_id_extension_string, p_service_id, p_payload_binary, now(), 1
    WHERE NOT EXISTS (
        SELECT 1
        FROM OrleansStorage
        WHERE GrainIdHash = p_grain_id_hash
          AND GrainTypeHash = p_grain_type_hash
          AND GrainIdN0 = p_grain_id_n0
          AND GrainIdN1 = p_grain_id_n1
          AND GrainTypeString = p_grain_type_string
          AND GrainIdExtensionString IS NOT DISTINCT FROM p_grain_id_extension_string
          AND ServiceId = p_service_id);

    IF FOUND THEN
        RETURN 1;
    END IF;
    RETURN NULL;                           -- conflict: the grain has a row already
END
$fn$;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES

('WriteToStorageKey', $q$
SELECT WriteToStorage(@GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString,
                      @GrainIdExtensionString, @ServiceId, @GrainStateVersion, @PayloadBinary)
       AS NewGrainStateVersion;
$q$),

-- Returns PayloadBinary, the read time in UTC and Version; no row if never stored.
('ReadFromStorageKey', $q$
SELECT PayloadBinary,
       (now() AT TIME ZONE 'utc') AS ReadTimeUtc,
       Version
FROM OrleansStorage
WHERE GrainIdHash = @GrainIdHash
  AND GrainTypeHash = @GrainTypeHash
  AND GrainIdN0 = @GrainIdN0
  AND GrainIdN1 = @GrainIdN1
  AND GrainTypeString = @GrainTypeString
  AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString
  AND ServiceId = @ServiceId;
$q$),

-- ClearStateAsync (default): keep the row, drop the payload, bump the version.
-- No row returned when @GrainStateVersion is stale (conflict).
('ClearStorageKey', $q$
UPDATE OrleansStorage
SET PayloadBinary = NULL,
    ModifiedOn = now(),
    Version = Version + 1
WHERE GrainIdHash = @GrainIdHash
  AND GrainTypeHash = @GrainTypeHash
  AND GrainIdN0 = @GrainIdN0
  AND GrainIdN1 = @GrainIdN1
  AND GrainTypeString = @GrainTypeString
  AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString
  AND ServiceId = @ServiceId
  AND Version = @GrainStateVersion
RETURNING Version AS NewGrainStateVersion;
$q$),

-- ClearStateAsync with DeleteStateOnClear = true: delete the row. Returns a value that
-- differs from the ETag on success (the provider then resets the ETag to NULL), no row
-- when @GrainStateVersion is stale (conflict).
('DeleteStorageKey', $q$
DELETE FROM OrleansStorage
WHERE GrainIdHash = @GrainIdHash
  AND GrainTypeHash = @GrainTypeHash
  AND GrainIdN0 = @GrainIdN0
  AND GrainIdN1 = @GrainIdN1
  AND GrainTypeString = @GrainTypeString
  AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString
  AND ServiceId = @ServiceId
  AND Version = @GrainStateVersion
RETURNING Version + 1 AS NewGrainStateVersion;
$q$);
