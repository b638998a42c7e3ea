package dev.weft.runtime.jmx;

import dev.weft.runtime.xa.InDoubt;
import dev.weft.runtime.xa.XaView;
import java.util.List;

/** Reads {@link XaView} for {@link XaMXBean}. */
public final class XaBean implements XaMXBean {
    private final XaView view;

    public XaBean(XaView view) {
        this.view = view;
    }

    @Override
    public long getBegun() {
        return view.begun();
    }

    @Override
    public long getCommitted() {
        return view.committed();
    }

    @Override
    public long getRolledBack() {
        return view.rolledBack();
    }

    @Override
    public long getTimedOut() {
        return view.timedOut();
    }

    @Override
    public long getFailed() {
        return view.failed();
    }

    @Override
    public long getActive() {
        return view.active();
    }

    @Override
    public List<InDoubt> getUnresolved() {
        return view.unresolved();
    }

    @Override
    public boolean commit(String xid) {
        return view.commit(xid);
    }

    @Override
    public boolean rollback(String xid) {
        return view.rollback(xid);
    }
}
