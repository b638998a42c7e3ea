package dev.weft.runtime.jdbc;

/** What {@link WorkScope#end} found for one method's JDBC work. */
public enum WorkOutcome {
    /** The method ran no statement on a woven connection: there is no transaction to add Weft's rows to. */
    NO_DATABASE_WORK,
    /** Weft's rows and the method's work committed (Weft or the application committed) before end() returned. */
    COMMITTED,
    /** The rows are in a transaction the application still has open; committed()/rolledBack() will tell. */
    PENDING,
    /** Weft's rows are not in the database and will not be: the transaction rolled back, or the method threw. */
    ROLLED_BACK
}
