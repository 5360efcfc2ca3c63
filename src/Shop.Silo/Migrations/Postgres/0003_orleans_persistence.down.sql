-- 0003_orleans_persistence (down): removes exactly what 0003 added.
-- Deletes all stored grain state.

DELETE FROM OrleansQuery
WHERE QueryKey IN (
    'WriteToStorageKey',
    'ReadFromStorageKey',
    'ClearStorageKey',
    'DeleteStorageKey'
);

DROP FUNCTION WriteToStorage(integer, bigint, bigint, integer, varchar, varchar, varchar, integer, bytea);

DROP TABLE OrleansStorage;   -- drops IX_OrleansStorage with it
