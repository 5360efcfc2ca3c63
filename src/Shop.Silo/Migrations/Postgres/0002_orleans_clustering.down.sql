-- 0002_orleans_clustering (down): removes exactly what 0002 added.
-- Deletes all membership data of every cluster in this database.

DELETE FROM OrleansQuery
WHERE QueryKey IN (
    'InsertMembershipVersionKey',
    'InsertMembershipKey',
    'UpdateMembershipKey',
    'UpdateIAmAlivetimeKey',
    'MembershipReadRowKey',
    'MembershipReadAllKey',
    'GatewaysQueryKey',
    'DeleteMembershipTableEntriesKey',
    'CleanupDefunctSiloEntryKey',
    'CleanupDefunctSiloEntriesKey'
);

DROP FUNCTION update_membership(varchar, varchar, integer, integer, integer, varchar, timestamptz, integer);
DROP FUNCTION insert_membership(varchar, varchar, integer, integer, varchar, varchar, integer, integer, timestamptz, timestamptz, integer);

-- Child table first (foreign key to the version table).
DROP TABLE OrleansMembershipTable;
DROP TABLE OrleansMembershipVersionTable;
