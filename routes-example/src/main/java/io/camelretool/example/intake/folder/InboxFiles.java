package io.camelretool.example.intake.folder;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The one place that decides whether an entry of the inbox may be read, and reads it. Only a regular file directly in
 * the inbox is: a symbolic link (which could point at any file the application can read), a FIFO (whose opening blocks
 * until someone writes), a device, a socket or a folder is not, and neither is a name too long for the lock marker the
 * folder intake writes beside the file it reads. Nothing here opens an entry before its type is known, and the file
 * is opened without following a link that was swapped in meanwhile.
 */
public final class InboxFiles {

    /** The suffix of the folder intake's lock marker ({@code readLock=changed} writes {@code <name>.camelLock}). */
    static final String LOCK_SUFFIX = ".camelLock";
    /** The longest file name (in bytes) common file systems allow. */
    static final int MAX_NAME_BYTES = 255;
    private static final int KEPT_NAME_CHARS = 100;

    private InboxFiles() {
    }

    /** Why the entry must not be read, in words that never quote its content; empty when it may be. */
    public static Optional<String> refusal(Path entry) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException gone) {
            return Optional.of("it cannot be examined (" + gone.getClass().getSimpleName() + ")");
        }
        if (attributes.isSymbolicLink()) {
            return Optional.of("it is a symbolic link; only regular files are read, never what a link points at");
        }
        if (attributes.isDirectory()) {
            return Optional.of("it is a folder; only files directly in the inbox are read");
        }
        if (!attributes.isRegularFile()) {
            return Optional.of("it is not a regular file (a FIFO, device or socket); it was not opened");
        }
        int nameBytes = entry.getFileName().toString().getBytes(StandardCharsets.UTF_8).length;
        if (nameBytes + LOCK_SUFFIX.length() > MAX_NAME_BYTES) {
            return Optional.of("its name is " + nameBytes + " bytes long; the intake needs names of at most "
                               + (MAX_NAME_BYTES - LOCK_SUFFIX.length()) + " bytes");
        }
        return Optional.empty();
    }

    /**
     * Opens an inbox file for reading, refusing it when it is no longer a regular file (a link is never followed).
     *
     * @throws IOException naming the refusal when the entry must not be read
     */
    public static InputStream open(Path entry) throws IOException {
        Optional<String> refusal = refusal(entry);
        if (refusal.isPresent()) {
            throw new IOException("not read: " + refusal.get());
        }
        return Files.newInputStream(entry, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
    }

    /** A name that leaves room for a suffix: long names are cut and told apart by a digest of the whole. */
    public static String shortName(String name) {
        if (name.length() <= KEPT_NAME_CHARS && name.getBytes(StandardCharsets.UTF_8).length <= KEPT_NAME_CHARS) {
            return name;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            int kept = name.offsetByCodePoints(0, Math.min(40, name.codePointCount(0, name.length())));
            return name.substring(0, kept) + "-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
