package com.acme.sessions;

import java.io.Serializable;

/** A class of the application that {@code sessions.allow} does not list. */
public record Unlisted(String text) implements Serializable {
}
