package dev.weft.it.tcc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The bank's weft.yaml: its log in {@code $BANK_DIR/txlog}, short timeout and quick retries so tests finish fast. */
public final class BankYaml {
    public static final String TEXT = """
            transactions:
              log:
                dir: ${BANK_DIR}/txlog
              timeout: 3s
              retry:
                initial: 50ms
                max: 500ms
                maxAttempts: 100
              global:
                - method: com.acme.bank.TransferService#transfer*(..)
              participants:
                - try: com.acme.bank.DebitService#debit(String, String, long)
                  confirm: %s
                  cancel: cancelDebit
                - try: com.acme.bank.CreditService#credit(CreditOrder)
                  confirm: confirmCredit
                  cancel: cancelCredit
            """;

    private BankYaml() {
    }

    static Path write(Path dir) {
        return write(dir, "confirmDebit");
    }

    /** With {@code confirmDebit} named as given (a misspelt one is a config error). */
    static Path write(Path dir, String confirmDebit) {
        try {
            return Files.writeString(dir.resolve("weft.yaml"), TEXT.formatted(confirmDebit));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
