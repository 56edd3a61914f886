package io.camelretool.example.files;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Files and folders the application makes hold people's data (the ledger, reports, dead letters, reasons): they are
 * its user's alone, {@code 0700} folders and {@code 0600} files, whatever the umask. Permissions are given when the
 * file is made and set again after, since a umask can only take bits away. On a file system without POSIX
 * permissions the calls do what they can and nothing more.
 */
public final class PrivateFiles {

    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private PrivateFiles() {
    }

    /**
     * Makes the folder if needed, and makes it private; returns it. Missing parents are made as any folder is (the
     * data folder is made before, by {@link #directoryIfAbsent}, at start).
     */
    public static Path directory(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            // one made by another node or thread meanwhile is made private below all the same
            create(folder);
        }
        restrict(folder, FOLDER);
        return folder;
    }

    /**
     * Makes the folder private if it does not exist yet, and leaves one that exists as it is: an operator may have made
     * it shared on purpose (the inbox as a drop folder for a team). Missing parents are made as any folder is.
     */
    public static Path directoryIfAbsent(Path folder) throws IOException {
        if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS) && create(folder)) {
            restrict(folder, FOLDER);
        }
        return folder;
    }

    /** Makes the folder, private from the start where it can; false when someone else made it first. */
    private static boolean create(Path folder) throws IOException {
        Path parent = folder.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try {
            if (POSIX) {
                Files.createDirectory(folder, attribute(FOLDER));
            } else {
                Files.createDirectory(folder);
            }
            return true;
        } catch (FileAlreadyExistsException madeMeanwhile) {
            return false;
        }
    }

    /** Writes a whole private file (replacing one of the same name), UTF-8. */
    public static void write(Path file, String text) throws IOException {
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
            restrict(file, FILE);
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** A new, empty private file in the folder, to be written and then renamed into place. */
    public static Path temporary(Path folder, String prefix, String suffix) throws IOException {
        Path file = POSIX ? Files.createTempFile(folder, prefix, suffix, attribute(FILE))
                : Files.createTempFile(folder, prefix, suffix);
        restrict(file, FILE);
        return file;
    }

    /** Makes a folder and everything in it private: for what a library (the H2 database) creates. */
    public static void restrictTree(Path folder) throws IOException {
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> entries = Files.walk(folder)) {
            for (Path entry : entries.toList()) {
                if (Files.isSymbolicLink(entry)) {
                    continue;
                }
                restrict(entry, Files.isDirectory(entry) ? FOLDER : FILE);
            }
        }
    }

    private static void restrict(Path path, Set<PosixFilePermission> permissions) throws IOException {
        if (POSIX) {
            Files.setPosixFilePermissions(path, permissions);
        }
    }

    private static FileAttribute<Set<PosixFilePermission>> attribute(Set<PosixFilePermission> permissions) {
        return PosixFilePermissions.asFileAttribute(permissions);
    }
}
