package dev.reelforge.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Map;

/**
 * The dashboard's files as this jar carries them (the build takes the repo's {@code dashboard/} directory as
 * resources, under {@value #DIRECTORY}/): a directory on disk where Lambda unpacks the jar (and under
 * {@code target/classes} in the build), inside the jar when the jar is on the class path as it is.
 */
public final class ShippedDashboard {

    static final String DIRECTORY = "dashboard";
    /** The file every release has: its parent is the directory. */
    private static final String ENTRY = "/" + DIRECTORY + "/index.html";

    private ShippedDashboard() {}

    public static Path files() {
        URL entry = ShippedDashboard.class.getResource(ENTRY);
        if (entry == null) {
            throw new IllegalStateException("this build carries no dashboard (" + ENTRY + " is missing)");
        }
        return directoryOf(entry);
    }

    /** The directory of this file of the dashboard, whether on disk or inside a jar (whose file system stays open). */
    static Path directoryOf(URL entry) {
        try {
            URI uri = entry.toURI();
            if (uri.getScheme().equals("jar")) {
                try {
                    FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException alreadyOpen) {
                    // opened by an earlier call; Path.of(uri) finds it
                }
            }
            return Path.of(uri).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate " + entry, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + entry, e);
        }
    }
}
