package dev.weft.runtime.xa;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The databases this instance ever enlisted, in {@code <objectStore>/weft-databases}: one line each, URL and user
 * separated by a tab, never a password. A database is written (and fsynced) before its first branch can prepare, so
 * that recovery after a crash knows every database that may hold an in-doubt branch of this node.
 */
final class KnownDatabases {
    private final Path file;
    private final Set<XaDatabase> known = new LinkedHashSet<>();

    KnownDatabases(Path objectStore) {
        this.file = objectStore.resolve("weft-databases");
        try {
            Files.createDirectories(objectStore);
            if (Files.exists(file)) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    int tab = line.indexOf('\t');
                    if (tab > 0) {
                        String user = line.substring(tab + 1);
                        known.add(new XaDatabase(line.substring(0, tab), user.isEmpty() ? null : user));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    synchronized List<XaDatabase> all() {
        return List.copyOf(known);
    }

    synchronized boolean contains(XaDatabase database) {
        return known.contains(database);
    }

    /** Records {@code database} durably, once. */
    synchronized void add(XaDatabase database) {
        if (known.contains(database)) {
            return;
        }
        String line = database.url() + '\t' + (database.user() == null ? "" : database.user()) + '\n';
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            channel.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)));
            channel.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record " + database + " in " + file, e);
        }
        known.add(database);
    }
}
