package dev.weft.runtime.jmx;

import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * A JMX connection to another JVM on this machine, made the way {@code jcmd} and JConsole do: the Attach API asks
 * the JVM for its local management connector, starting it if needed. Local only: nothing is opened to the network.
 */
final class LocalJvm {
    private LocalJvm() {
    }

    /** @throws AttachFailure with a message for the operator when the JVM cannot be reached */
    static JMXConnector connect(long pid) throws AttachFailure {
        String id = Long.toString(pid);
        // Only JVMs that announce themselves: attaching to any other process would make it wait ten seconds.
        if (VirtualMachine.list().stream().noneMatch(vm -> vm.id().equals(id))) {
            throw new AttachFailure("no Java process with pid " + pid + " is running as this user on this machine"
                    + " (a JVM started with -XX:-UsePerfData cannot be found either)");
        }
        String address;
        try {
            VirtualMachine vm = VirtualMachine.attach(id);
            try {
                address = vm.startLocalManagementAgent();
            } finally {
                vm.detach();
            }
        } catch (AttachNotSupportedException | IOException e) {
            throw new AttachFailure("cannot attach to pid " + pid + ": " + e.getMessage()
                    + " (was it started with -XX:+DisableAttachMechanism, or by another user?)");
        }
        try {
            return JMXConnectorFactory.connect(new JMXServiceURL(address));
        } catch (IOException e) {
            throw new AttachFailure("cannot open the local JMX connector of pid " + pid + ": " + e.getMessage());
        }
    }
}
