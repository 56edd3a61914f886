package io.camelretool.example.config;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Optional;

/**
 * A port the application is about to listen on, tried before anything starts: a server that cannot bind is otherwise
 * only a warning in Camel's log (the webhook and health would be missing while the banner advertises them), and
 * GreenMail's failure reads like a start-up timeout. Another program may still take the port between this check and
 * the bind; the check is for the common case, a second copy of the application or another server on the port.
 *
 * @param host     the address the server binds (0.0.0.0 for every interface)
 * @param port     the port it binds
 * @param what     what listens there, for the message
 * @param variable the environment variable (and key) that moves it
 */
public record ListenPort(String host, int port, String what, String variable) {

    /** The same, with the port as the setting gives it ({@code camel.management.port}, say). */
    public static ListenPort of(String host, String port, String what, String variable) {
        return new ListenPort(host, SettingValues.port(port, variable), what, variable);
    }

    /**
     * @throws StartRefused when the port is taken, in one line naming the port and the variable
     */
    public static void requireFree(String host, int port, String what, String variable) {
        requireFree(List.of(new ListenPort(host, port, what, variable)));
    }

    /**
     * Tries every port before refusing, so that a second copy of the application learns at once every variable it
     * must set, not one per attempt.
     *
     * @throws StartRefused when any is taken or cannot be opened, in one line naming each such port and its variable
     */
    public static void requireFree(List<ListenPort> ports) {
        List<String> problems = ports.stream().map(ListenPort::problem).flatMap(Optional::stream).toList();
        if (problems.size() == 1) {
            throw new StartRefused(problems.get(0));
        }
        if (!problems.isEmpty()) {
            throw new StartRefused(problems.size() + " ports cannot be listened on: " + String.join("; ", problems));
        }
    }

    /** Why this port cannot be listened on, if it cannot. */
    Optional<String> problem() {
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(host, port));
            return Optional.empty();
        } catch (BindException taken) {
            return Optional.of("Port " + port + " (" + what + ") is already in use on " + host + ": set " + variable
                               + " to a free port, or stop the program that holds it");
        } catch (IOException | IllegalArgumentException | SecurityException cannotListen) {
            return Optional.of("Port " + port + " (" + what + ") cannot be opened on " + host + " ("
                               + cannotListen.getMessage() + "): check " + variable);
        }
    }
}
