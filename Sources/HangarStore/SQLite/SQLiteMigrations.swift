import GRDB
import HangarCore

/// The SQLite schema, as GRDB migrations, plus the projection tables declared by the projectors.
enum SQLiteMigrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1_event_log") { db in
            // `seq` is the rowid: with one writer, each insert takes head + 1, and a rolled-back savepoint
            // leaves no hole, so the sequence is gap-free.
            try db.execute(
                sql: """
                    CREATE TABLE hangar_events (
                        seq INTEGER PRIMARY KEY,
                        stream TEXT NOT NULL,
                        kind TEXT NOT NULL,
                        ts INTEGER NOT NULL,
                        actor TEXT NOT NULL,
                        payload TEXT NOT NULL,
                        idempotency_key TEXT UNIQUE
                    );
                    CREATE INDEX hangar_events_stream ON hangar_events (stream, seq);
                    """)
        }
        return migrator
    }

    static func migrate(_ pool: DatabasePool, projections: ProjectionSet, sql: ProjectionSQL) throws {
        let migrator = migrator
        if try pool.read({ try migrator.hasBeenSuperseded($0) }) {
            throw HangarError(.schemaTooNew, "the database was written by a newer Hangar")
        }
        try migrator.migrate(pool)
        try pool.write { db in
            try db.execute(sql: "PRAGMA application_id = \(SQLiteStorage.applicationID)")
            for table in projections.tables {
                for statement in sql.createTable(table) { try db.execute(sql: statement) }
            }
        }
    }
}
