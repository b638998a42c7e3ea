package dev.weft.runtime.context;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * What the bridge does with a task that a rewritten call site is about to hand to another thread: it wraps the task
 * so that what the {@link Carrier} captured now is current while the task runs. Outside anything to carry the task
 * is returned as it is, so an application not inside a global transaction sees no difference at all.
 */
public final class HandOffs {
    private final Carrier carrier;

    public HandOffs(Carrier carrier) {
        this.carrier = carrier;
    }

    /**
     * @param task the argument about to be handed off (null is passed on, for the callee to reject as it would)
     * @param type the parameter's declared type at the call site: the wrapper must be one
     * @return a task of {@code type}, or {@code task} itself
     */
    public Object handOff(Object task, Class<?> type) {
        if (task == null) {
            return null;
        }
        Carrier.Captured captured = carrier.capture();
        if (captured == null) {
            return task;
        }
        if (type == Collection.class) { // invokeAll, invokeAny: callables, answered in the collection's order
            List<Callable<?>> carried = new ArrayList<>();
            for (Object element : (Collection<?>) task) {
                carried.add(element == null ? null : new CarriedTasks.CarriedCallable<>((Callable<?>) element, captured));
            }
            return carried;
        }
        return CarriedTasks.wrap(task, type, captured);
    }
}
