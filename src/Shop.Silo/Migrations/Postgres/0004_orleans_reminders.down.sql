-- 0004_orleans_reminders (down): removes exactly what 0004 added.
-- Deletes all registered reminders.

DELETE FROM OrleansQuery
WHERE QueryKey IN (
    'UpsertReminderRowKey',
    'ReadReminderRowsKey',
    'ReadReminderRowKey',
    'ReadRangeRows1Key',
    'ReadRangeRows2Key',
    'DeleteReminderRowKey',
    'DeleteReminderRowsKey'
);

DROP TABLE OrleansRemindersTable;   -- drops its index with it
