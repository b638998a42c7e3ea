package com.acme.sessions;

import java.io.Serializable;

/** A class of the application that {@code sessions.allow} lists. */
public record Listed(String text) implements Serializable {
}
