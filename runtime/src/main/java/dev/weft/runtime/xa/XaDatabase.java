package dev.weft.runtime.xa;

import java.util.regex.Pattern;

/**
 * A database as Weft records it for recovery: its JDBC URL and user, never a password (one written into the URL is
 * replaced by {@code ***}, here and therefore on disk). The application's next opening of the same URL and user after
 * a restart supplies the password again, in memory ({@link Openings}).
 */
record XaDatabase(String url, String user) {
    private static final Pattern PASSWORD = Pattern.compile("(?i)(password=)[^&;]*");

    XaDatabase {
        url = url == null ? null : PASSWORD.matcher(url).replaceAll("$1***");
    }

    @Override
    public String toString() {
        return url + (user == null ? "" : " as " + user);
    }
}
