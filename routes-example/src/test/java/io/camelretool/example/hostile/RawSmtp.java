package io.camelretool.example.hostile;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Sends mails over SMTP exactly as their bytes are, broken MIME and all (a mail library would repair or re-encode
 * them first). The lines of a mail must end in CRLF; a line starting with a dot is escaped as SMTP requires.
 */
final class RawSmtp implements AutoCloseable {

    private final Socket socket;
    private final BufferedReader replies;
    private final OutputStream out;

    RawSmtp(String host, int port) throws IOException {
        socket = new Socket(host, port);
        replies = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
        out = socket.getOutputStream();
        expect("220");
        command("EHLO corpus.example", "250");
    }

    void send(String from, String to, byte[] mail) throws IOException {
        command("MAIL FROM:<" + from + ">", "250");
        command("RCPT TO:<" + to + ">", "250");
        command("DATA", "354");
        out.write(dotStuffed(mail));
        command((mail.length > 0 && mail[mail.length - 1] == '\n' ? "" : "\r\n") + ".", "250");
    }

    private void command(String line, String expected) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        expect(expected);
    }

    /** Reads a reply, continuation lines included, and checks its code. */
    private void expect(String code) throws IOException {
        String line;
        do {
            line = replies.readLine();
            if (line == null || !line.startsWith(code)) {
                throw new IOException("SMTP answered '" + line + "', expected " + code);
            }
        } while (line.length() > 3 && line.charAt(3) == '-');
    }

    private static byte[] dotStuffed(byte[] mail) {
        ByteArrayOutputStream stuffed = new ByteArrayOutputStream(mail.length + 64);
        for (int i = 0; i < mail.length; i++) {
            if (mail[i] == '.' && (i == 0 || mail[i - 1] == '\n')) {
                stuffed.write('.');
            }
            stuffed.write(mail[i]);
        }
        return stuffed.toByteArray();
    }

    @Override
    public void close() throws IOException {
        command("QUIT", "221");
        socket.close();
    }
}
