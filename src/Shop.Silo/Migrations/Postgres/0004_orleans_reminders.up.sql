-- 0004_orleans_reminders (up)
--
-- Reminder table for Microsoft.Orleans.Reminders.AdoNet 10.4.2 (UseAdoNetReminderService).
--
-- Contract with the 10.4.2 DLL:
--   * The provider refuses to start unless all of ReadReminderRowsKey, ReadRangeRows1Key,
--     ReadRangeRows2Key, ReadReminderRowKey, UpsertReminderRowKey, DeleteReminderRowKey
--     and DeleteReminderRowsKey exist.
--   * Parameters: @ServiceId, @GrainId (GrainId.ToString(), e.g. "shopcart/42"),
--     @ReminderName, @StartTime (UTC, timestamptz), @Period (milliseconds; int, or bigint
--     above int.MaxValue), @GrainHash (the grain's uniform hash as a signed int),
--     @BeginHash / @EndHash (a ring range, signed ints) and @Version (the ETag).
--   * Read queries return GrainId, ReminderName, StartTime, Period and Version, read by name.
--     Upsert returns the new Version; DeleteReminderRowKey returns one boolean column.
--   * Interval reminders only: no cron/priority/next-due columns (later Orleans versions).
--
-- Runs inside the migration runner's transaction: no BEGIN/COMMIT here.

CREATE TABLE OrleansRemindersTable
(
    ServiceId    varchar(150)   NOT NULL,
    GrainId      varchar(150)   NOT NULL,
    ReminderName varchar(150)   NOT NULL,
    StartTime    timestamptz(3) NOT NULL,   -- first tick; later ticks are StartTime + n * Period
    Period       bigint         NOT NULL,   -- milliseconds
    GrainHash    integer        NOT NULL,   -- decides which silo owns the reminder
    Version      integer        NOT NULL,   -- the ETag; 0 on insert, +1 per update

    CONSTRAINT PK_RemindersTable_ServiceId_GrainId_ReminderName PRIMARY KEY (ServiceId, GrainId, ReminderName)
);

-- Each silo periodically loads the reminders of its hash range(s).
CREATE INDEX IX_RemindersTable_ServiceId_GrainHash ON OrleansRemindersTable (ServiceId, GrainHash);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES

-- Register or update a reminder; returns the new Version.
('UpsertReminderRowKey', $q$
INSERT INTO OrleansRemindersTable
    (ServiceId, GrainId, ReminderName, StartTime, Period, GrainHash, Version)
VALUES
    (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 0)
ON CONFLICT (ServiceId, GrainId, ReminderName) DO UPDATE
SET StartTime = EXCLUDED.StartTime,
    Period = EXCLUDED.Period,
    GrainHash = EXCLUDED.GrainHash,
    Version = OrleansRemindersTable.Version + 1
RETURNING Version;
$q$),

-- All reminders of one grain.
('ReadReminderRowsKey', $q$
SELECT GrainId, ReminderName, StartTime, Period, Version
FROM OrleansRemindersTable
WHERE ServiceId = @ServiceId
  AND GrainId = @GrainId;
$q$),

-- One reminder of one grain.
('ReadReminderRowKey', $q$
SELECT GrainId, ReminderName, StartTime, Period, Version
FROM OrleansRemindersTable
WHERE ServiceId = @ServiceId
  AND GrainId = @GrainId
  AND ReminderName = @ReminderName;
$q$),

-- Reminders in the ring range (@BeginHash, @EndHash] when it does not wrap (begin < end).
('ReadRangeRows1Key', $q$
SELECT GrainId, ReminderName, StartTime, Period, Version
FROM OrleansRemindersTable
WHERE ServiceId = @ServiceId
  AND GrainHash > @BeginHash
  AND GrainHash <= @EndHash;
$q$),

-- Reminders in a range that wraps around the end of the ring (begin >= end).
('ReadRangeRows2Key', $q$
SELECT GrainId, ReminderName, StartTime, Period, Version
FROM OrleansRemindersTable
WHERE ServiceId = @ServiceId
  AND (GrainHash > @BeginHash OR GrainHash <= @EndHash);
$q$),

-- Unregister a reminder if its ETag still matches; returns true if a row was deleted.
('DeleteReminderRowKey', $q$
WITH deleted AS (
    DELETE FROM OrleansRemindersTable
    WHERE ServiceId = @ServiceId
      AND GrainId = @GrainId
      AND ReminderName = @ReminderName
      AND Version = @Version
    RETURNING 1
)
SELECT count(*) > 0 FROM deleted;
$q$),

-- Remove every reminder of the service (tests / tooling only).
('DeleteReminderRowsKey', $q$
DELETE FROM OrleansRemindersTable
WHERE ServiceId = @ServiceId;
$q$);
