package dev.weft.runtime.messaging; public record Message(String stream, String id, String payload, long createdAtMillis) {}
