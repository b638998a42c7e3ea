package dev.weft.runtime.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Control for the failover tests: the resource they write does catch a stale token and two writers at once. */
class FencedResourceTest {
    @Test
    void refusesALowerTokenAndCountsOverlappingWriters() {
        FencedResource resource = new FencedResource();

        assertTrue(resource.begin("k", 20));
        assertFalse(resource.begin("k", 10), "stale while the newer writer still writes");
        resource.end("k");
        resource.end("k");
        assertTrue(resource.begin("k", 20), "the same token again: the same holder writing twice");
        resource.end("k");

        assertEquals(2, resource.accepted());
        assertEquals(1, resource.refused());
        assertEquals(1, resource.overlaps());
    }
}
