package io.camelretool.example.intake.folder;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.camelretool.example.intake.LogText;
import io.camelretool.example.files.PrivateFiles;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The folder intake's filter: an entry {@link InboxFiles} refuses is moved to {@code inbox/.error} (a rename, which
 * opens nothing) with a one-line reason beside it, and logged once; one that cannot be moved is left where it is and
 * logged once. Hidden names and folders are passed over as before.
 */
public final class InboxEntryFilter implements GenericFileFilter<File> {

    private static final Logger LOG = LoggerFactory.getLogger(InboxEntryFilter.class);

    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    @Override
    public boolean accept(GenericFile<File> file) {
        Path entry = file.getFile().toPath();
        String name = entry.getFileName().toString();
        if (name.startsWith(".") || Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        Optional<String> refusal = InboxFiles.refusal(entry);
        if (refusal.isEmpty()) {
            return true;
        }
        setAside(entry, refusal.get());
        return false;
    }

    private void setAside(Path entry, String reason) {
        String name = entry.getFileName().toString();
        try {
            Path errors = PrivateFiles.directory(entry.resolveSibling(".error"));
            Path target = errors.resolve(name);
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                target = errors.resolve(InboxFiles.shortName(name) + "-" + System.currentTimeMillis());
            }
            Files.move(entry, target);
            PrivateFiles.write(errors.resolve(InboxFiles.shortName(name) + ".reason.txt"), "not read: " + reason + "\n");
            LOG.warn("Inbox entry {} moved to inbox/.error, not read: {}", LogText.of(name), reason);
        } catch (IOException | RuntimeException cannotMove) {
            if (reported.add(name)) {
                LOG.warn("Inbox entry {} is left where it is and not read: {} (it cannot be moved aside: {})",
                        LogText.of(name), reason, cannotMove.getClass().getSimpleName());
            }
        }
    }
}
