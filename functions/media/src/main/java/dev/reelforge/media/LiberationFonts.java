package dev.reelforge.media;

import dev.reelforge.core.edit.model.FontFace;
import dev.reelforge.core.edit.model.Typeface;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.EnumMap;
import java.util.Map;

/**
 * The shipped fonts Reelforge draws text with ({@link FontFace}): the Liberation fonts (SIL Open Font License), taken
 * from the {@code com.github.librepdf:openpdf-fonts-extra} jar, since Lambda has no system fonts and the same files
 * are used everywhere; and Shotstack's built-in families (Montserrat, Open Sans, Roboto, ...: SIL Open Font License or
 * Apache License 2.0, TTFs of npm packages, each folder's {@code SOURCE.txt} says which), read the same way from the
 * render worker's own resources ({@code functions/pipeline}): the API jars that carry this module have no room for
 * them. Each face is copied once into a directory (with the licence next to it), because ffmpeg's drawtext reads a
 * font from a file; the same file's metrics measure text the way it is drawn.
 */
public final class LiberationFonts {

    private final Path directory;
    private final Map<FontFace, Path> files = new EnumMap<>(FontFace.class);
    private final Map<FontFace, TrueTypeMetrics> metrics = new EnumMap<>(FontFace.class);

    /** @param directory where the font files are written (created when missing) */
    public LiberationFonts(Path directory) {
        this.directory = directory;
    }

    /** The TTF of {@code face}, for drawtext's {@code fontfile}. */
    public synchronized Path file(FontFace face) {
        Path file = files.get(face);
        if (file == null) {
            file = extract(face.resource());
            extract(face.licence());
            files.put(face, file);
        }
        return file;
    }

    /** The file of a shipped face, or of a font fetched for the render. */
    public Path file(Typeface typeface) {
        return switch (typeface) {
            case FontFace face -> file(face);
            case Typeface.Loaded loaded -> loaded.file();
            case Typeface.Requested requested -> throw new IllegalStateException("the font family '"
                    + requested.family() + "' was not resolved to a file before composing");
        };
    }

    /** A shipped face or a fetched font at {@code sizePx}; a fetched font's metrics are read each time, not kept. */
    SizedFont font(Typeface typeface, double sizePx) {
        return switch (typeface) {
            case FontFace face -> font(face, sizePx);
            default -> new SizedFont(TrueTypeMetrics.read(file(typeface)), sizePx);
        };
    }

    /** {@code face} at {@code sizePx} pixels per em, to measure text with. */
    synchronized SizedFont font(FontFace face, double sizePx) {
        TrueTypeMetrics faceMetrics = metrics.computeIfAbsent(face, unread -> TrueTypeMetrics.read(file(unread)));
        return new SizedFont(faceMetrics, sizePx);
    }

    private Path extract(String resource) {
        String name = resource.substring(resource.lastIndexOf('/') + 1);
        Path target = directory.resolve(name);
        try (InputStream in = LiberationFonts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the classpath has no " + resource);
            }
            byte[] bytes = in.readAllBytes();
            if (Files.isRegularFile(target) && Files.size(target) == bytes.length) {
                return target;
            }
            Files.createDirectories(directory);
            Path partial = Files.createTempFile(directory, name, ".partial");
            Files.write(partial, bytes);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }
}
