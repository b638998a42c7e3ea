package dev.weft.runtime.weave;

import java.util.Arrays;

/**
 * Site ids are indexes into an append-only array, so the per-call lookup is one volatile read and an array load. A
 * site that does not {@linkplain Site#setsContextLoader() set the context loader itself} is registered inside a
 * {@link ContextLoaderSite}.
 */
public final class SiteRegistry {
    private volatile Site[] sites = new Site[64];
    private int size;

    public synchronized int register(Site site) {
        Site[] current = sites;
        if (size == current.length) {
            current = Arrays.copyOf(current, size * 2);
        }
        current[size] = site.setsContextLoader() ? site : new ContextLoaderSite(site);
        sites = current; // publishes the new entry to callers on other threads
        return size++;
    }

    public Site get(int id) {
        return sites[id];
    }

    public synchronized int size() {
        return size;
    }
}
