package io.camelretool.example.console;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

import at.favre.lib.crypto.bcrypt.BCrypt;

/**
 * The console's password hashes: bcrypt (cost {@value #COST}). Run {@code java -jar camel-retool-example.jar
 * hash-password} to print the hash of a new password for {@code CONSOLE_USERS}; the password is read from the
 * terminal without echo (or from standard input), never from the command line, where other users could see it.
 */
public final class PasswordHashes {

    static final int COST = 12;
    /** bcrypt reads at most 72 bytes of a password; a longer one would be cut without a word. */
    static final int MAX_PASSWORD_BYTES = 72;
    static final int MIN_PASSWORD_LENGTH = 12;

    /** Compared against when the user name is unknown, so that an unknown name costs as long as a wrong password. */
    private static final String UNKNOWN_USER_HASH = hash("an unknown user name never matches this hash");

    private PasswordHashes() {
    }

    static String hash(String password) {
        return hash(password, COST);
    }

    /** A lower cost suits only a long random password (the generated one): guessing it is hopeless at any cost. */
    static String hash(String password, int cost) {
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw new IllegalArgumentException("a password may have at most 72 bytes (bcrypt reads no more)");
        }
        return BCrypt.withDefaults().hashToString(cost, password.toCharArray());
    }

    /** Whether the password matches the hash; false for a malformed hash or an over-long password. */
    static boolean matches(String password, String hash) {
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            return false;
        }
        try {
            return BCrypt.verifyer().verify(password.toCharArray(), (hash == null ? UNKNOWN_USER_HASH : hash)
                    .toCharArray()).verified && hash != null;
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    /** Whether the text is a bcrypt hash this library can check. */
    static boolean isHash(String text) {
        return text.matches("\\$2[abxy]?\\$\\d\\d\\$[./A-Za-z0-9]{53}");
    }

    /** Prints the bcrypt hash of a password typed at the terminal (or given on standard input). */
    public static void main(String[] args) throws IOException {
        Console console = System.console();
        String password;
        if (console != null) {
            char[] typed = console.readPassword("New console password: ");
            char[] again = console.readPassword("Again: ");
            if (typed == null || again == null || !new String(typed).equals(new String(again))) {
                System.err.println("The two passwords differ; nothing printed.");
                System.exit(1);
                return;
            }
            password = new String(typed);
        } else {
            password = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        }
        if (password == null || password.length() < MIN_PASSWORD_LENGTH
            || password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            System.err.println("Choose a password of at least " + MIN_PASSWORD_LENGTH
                               + " characters and at most 72 bytes; nothing printed.");
            System.exit(1);
            return;
        }
        System.out.println(hash(password));
    }
}
