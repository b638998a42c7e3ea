package dev.weft.runtime.redis;

import dev.weft.runtime.log.Log;
import io.netty.util.internal.logging.AbstractInternalLogger;
import io.netty.util.internal.logging.FormattingTuple;
import io.netty.util.internal.logging.InternalLogger;
import io.netty.util.internal.logging.InternalLoggerFactory;
import io.netty.util.internal.logging.MessageFormatter;

/**
 * Routes Netty's and Lettuce's logging into {@link Log}. Their errors become Weft warnings and everything else
 * debug lines: a reconnect loop while Redis is down must not flood the application's stderr, and Weft reports what
 * matters to the user itself (exceptions, lost locks).
 */
final class NettyLogFactory extends InternalLoggerFactory {

    @Override
    protected InternalLogger newInstance(String name) {
        return new Adapter(name);
    }

    private static final class Adapter extends AbstractInternalLogger {
        private static final long serialVersionUID = 1L;

        private final String shortName;

        Adapter(String name) {
            super(name);
            shortName = name.substring(name.lastIndexOf('.') + 1);
        }

        @Override
        public boolean isTraceEnabled() {
            return false;
        }

        @Override
        public boolean isDebugEnabled() {
            return Log.isEnabled(Log.Level.DEBUG);
        }

        @Override
        public boolean isInfoEnabled() {
            return isDebugEnabled();
        }

        @Override
        public boolean isWarnEnabled() {
            return isDebugEnabled();
        }

        @Override
        public boolean isErrorEnabled() {
            return Log.isEnabled(Log.Level.WARN);
        }

        @Override
        public void trace(String msg) {
        }

        @Override
        public void trace(String format, Object arg) {
        }

        @Override
        public void trace(String format, Object argA, Object argB) {
        }

        @Override
        public void trace(String format, Object... arguments) {
        }

        @Override
        public void trace(String msg, Throwable t) {
        }

        @Override
        public void debug(String msg) {
            debug(msg, (Throwable) null);
        }

        @Override
        public void debug(String format, Object arg) {
            if (isDebugEnabled()) {
                debug(MessageFormatter.format(format, arg));
            }
        }

        @Override
        public void debug(String format, Object argA, Object argB) {
            if (isDebugEnabled()) {
                debug(MessageFormatter.format(format, argA, argB));
            }
        }

        @Override
        public void debug(String format, Object... arguments) {
            if (isDebugEnabled()) {
                debug(MessageFormatter.arrayFormat(format, arguments));
            }
        }

        @Override
        public void debug(String msg, Throwable t) {
            if (isDebugEnabled()) {
                Log.debug(line(msg, t));
            }
        }

        private void debug(FormattingTuple tuple) {
            debug(tuple.getMessage(), tuple.getThrowable());
        }

        @Override
        public void info(String msg) {
            debug(msg);
        }

        @Override
        public void info(String format, Object arg) {
            debug(format, arg);
        }

        @Override
        public void info(String format, Object argA, Object argB) {
            debug(format, argA, argB);
        }

        @Override
        public void info(String format, Object... arguments) {
            debug(format, arguments);
        }

        @Override
        public void info(String msg, Throwable t) {
            debug(msg, t);
        }

        @Override
        public void warn(String msg) {
            debug(msg);
        }

        @Override
        public void warn(String format, Object arg) {
            debug(format, arg);
        }

        @Override
        public void warn(String format, Object... arguments) {
            debug(format, arguments);
        }

        @Override
        public void warn(String format, Object argA, Object argB) {
            debug(format, argA, argB);
        }

        @Override
        public void warn(String msg, Throwable t) {
            debug(msg, t);
        }

        @Override
        public void error(String msg) {
            error(msg, (Throwable) null);
        }

        @Override
        public void error(String format, Object arg) {
            if (isErrorEnabled()) {
                error(MessageFormatter.format(format, arg));
            }
        }

        @Override
        public void error(String format, Object argA, Object argB) {
            if (isErrorEnabled()) {
                error(MessageFormatter.format(format, argA, argB));
            }
        }

        @Override
        public void error(String format, Object... arguments) {
            if (isErrorEnabled()) {
                error(MessageFormatter.arrayFormat(format, arguments));
            }
        }

        @Override
        public void error(String msg, Throwable t) {
            if (isErrorEnabled()) {
                Log.warn(line(msg, t));
            }
        }

        private void error(FormattingTuple tuple) {
            error(tuple.getMessage(), tuple.getThrowable());
        }

        private String line(String message, Throwable t) {
            return "redis client: " + shortName + ": " + message + (t == null ? "" : " (" + t + ")");
        }
    }
}
