-- 0001_orleans_main (up)
--
-- The query catalogue that every Orleans 10.4.2 ADO.NET provider reads at start-up.
--
-- The providers never carry SQL of their own: at initialisation they run
--     SELECT QueryKey, QueryText FROM OrleansQuery
-- (clustering and reminders load every row; grain storage filters on its own keys)
-- and from then on execute only the QueryText of the keys they need, binding
-- their parameters by name (@DeploymentId, @GrainIdHash, ...). The rows are added
-- by the later steps: 0002 (clustering), 0003 (grain storage), 0004 (reminders).
--
-- Providers cache the catalogue when they initialise: after changing a QueryText,
-- restart the silos (and clients) so that they load it again.
--
-- Runs inside the migration runner's transaction: no BEGIN/COMMIT here.

CREATE TABLE OrleansQuery
(
    -- The key the provider code looks up, e.g. 'WriteToStorageKey'.
    QueryKey  varchar(64) NOT NULL,
    -- The SQL executed for that key; parameters are written @Name.
    QueryText text        NOT NULL,

    CONSTRAINT OrleansQuery_Key PRIMARY KEY (QueryKey)
);
