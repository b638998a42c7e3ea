package dev.weft.runtime.cli;

import dev.weft.runtime.Features;
import dev.weft.runtime.config.ConfigException;
import dev.weft.runtime.config.ConfigLoader;
import dev.weft.runtime.config.WeftConfig;
import dev.weft.runtime.notification.NotificationStore;
import dev.weft.runtime.notification.Replay;
import dev.weft.runtime.notification.StoreChoice;
import dev.weft.runtime.txlog.DirectoryInUseException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code notify replay --config weft.yaml <id>|--all}: with no application running, makes dead letters due now in the
 * store the config names; the next running instance's retries make them (docs/notifications.md). A file store is
 * refused while an application holds its directory, with what to do instead.
 */
final class NotifyCommand {
    private final PrintStream out;

    NotifyCommand(PrintStream out) {
        this.out = out;
    }

    /** @param id empty for every dead letter */
    int replay(Path configFile, Optional<String> id) throws Exception {
        WeftConfig config;
        try {
            config = ConfigLoader.load(configFile, System.getenv(), Features.sections(Features.all()));
        } catch (ConfigException e) {
            e.problems().forEach(p -> out.println(p.format()));
            return Cli.PROBLEM;
        }
        NotificationStore opened;
        try {
            opened = StoreChoice.open(config.transactions(), config.redis(), config.jdbc().createTable(), List::of);
        } catch (DirectoryInUseException e) {
            out.println(e.getMessage());
            out.println("the running application holds its file store of notifications: replay through its JMX"
                    + " (dev.weft:type=Notifications, operation replay(id)), or stop it and run this command again");
            return Cli.PROBLEM;
        }
        try (NotificationStore store = opened) {
            long now = System.currentTimeMillis();
            if (id.isPresent()) {
                if (!Replay.one(store, id.get(), now)) {
                    out.println("no dead letter \"" + id.get() + "\" in " + store.describe() + "; nothing replayed");
                    return Cli.PROBLEM;
                }
                out.println("replayed \"" + id.get() + "\": due now in " + store.describe() + "; the next running"
                        + " instance retries it");
                return Cli.OK;
            }
            List<String> replayed = Replay.all(store, now);
            replayed.forEach(one -> out.println("replayed \"" + one + "\""));
            out.println(replayed.size() + " dead letter(s) due now in " + store.describe() + "; the next running"
                    + " instance retries them");
            return Cli.OK;
        }
    }
}
