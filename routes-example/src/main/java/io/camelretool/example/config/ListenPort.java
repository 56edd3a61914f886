package io.camelretool.example.config;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * A port the application is about to listen on, tried before anything starts: a server that cannot bind is otherwise
 * only a warning in Camel's log (the webhook and health would be missing while the banner advertises them), and
 * GreenMail's failure reads like a start-up timeout. Another program may still take the port between this check and
 * the bind; the check is for the common case, a second copy of the application or another server on the port.
 */
public final class ListenPort {

    private ListenPort() {
    }

    /** The same, with the port as the setting gives it ({@code camel.management.port}, say). */
    public static void requireFree(String host, String port, String what, String variable) {
        requireFree(host, SettingValues.port(port, variable), what, variable);
    }

    /**
     * @param host     the address the server binds (0.0.0.0 for every interface)
     * @param port     the port it binds
     * @param what     what listens there, for the message
     * @param variable the environment variable (and key) that moves it
     * @throws StartRefused when the port is taken, in one line naming the port and the variable
     */
    public static void requireFree(String host, int port, String what, String variable) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(host, port));
        } catch (BindException taken) {
            throw new StartRefused("Port " + port + " (" + what + ") is already in use on " + host
                                   + ": set " + variable + " to a free port, or stop the program that holds it");
        } catch (IOException | IllegalArgumentException | SecurityException cannotListen) {
            throw new StartRefused("Port " + port + " (" + what + ") cannot be opened on " + host + " ("
                                   + cannotListen.getMessage() + "): check " + variable);
        }
    }
}
