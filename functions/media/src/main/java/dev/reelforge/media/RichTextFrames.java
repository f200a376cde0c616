package dev.reelforge.media;

import dev.reelforge.core.edit.model.FontFace;
import dev.reelforge.core.edit.model.Fps;
import dev.reelforge.core.edit.model.Typeface;
import dev.reelforge.core.pipeline.CompositionFailedException;
import dev.reelforge.core.plan.VisualLayer;
import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Writes a rich-text layer as transparent PNG frames for the output time {@code [from, to)}: a frame per output
 * frame only while its animation runs, then one still of the finished text, which the picture chain holds for
 * the rest of the layer. Without animation (or once it is over) that is a single still.
 */
final class RichTextFrames {

    /** {@code count} frames: one file, or a numbered sequence ({@code %04d}) from 0. */
    record Written(Path file, int count) {}

    /** The shipped faces' outlines, read once per process. */
    private static final Map<Path, TrueTypeOutlines> FACES = new ConcurrentHashMap<>();

    private RichTextFrames() {}

    static Optional<Written> write(VisualLayer.RichText layer, Fps fps, LiberationFonts fonts, Path directory,
            String name, double from, double to) {
        double start = Math.max(layer.timing().start(), from);
        double end = Math.min(layer.timing().end(), to);
        if (end - start <= 1e-9) {
            return Optional.empty();
        }
        RichTextPainter painter;
        try {
            painter = new RichTextPainter(layer.text(), layer.width(), layer.height(), face(fonts, layer.text().face()));
        } catch (IllegalStateException e) {
            // only a font fetched for the render can be unreadable here: the shipped ones are known good
            throw new CompositionFailedException("the font '" + family(layer.text().face())
                    + "' of timeline.fonts cannot draw rich text: " + e.getMessage(), e);
        }
        double clipAtStart = start - layer.timing().start() + layer.skipped();
        double rate = fps.value();
        int animated = (int) Math.max(0, Math.ceil((painter.animationSeconds() - clipAtStart) * rate - 1e-9));
        int needed = (int) Math.max(1, Math.ceil((end - start) * rate - 1e-6));
        int moving = Math.min(animated, needed);
        int count = moving + (moving < needed ? 1 : 0);
        double finished = painter.animationSeconds() + 1;
        if (count == 1) {
            Path file = directory.resolve(name + ".png");
            png(painter.paint(moving == 1 ? clipAtStart : finished), file);
            return Optional.of(new Written(file, 1));
        }
        for (int i = 0; i < count; i++) {
            png(painter.paint(i < moving ? clipAtStart + i / rate : finished),
                    directory.resolve(String.format(Locale.ROOT, "%s-%04d.png", name, i)));
        }
        return Optional.of(new Written(directory.resolve(name + "-%04d.png"), count));
    }

    /** A shipped face is read once per process; a font fetched for this render, for this layer. */
    static TrueTypeOutlines face(LiberationFonts fonts, Typeface face) {
        if (face instanceof FontFace shipped) {
            return FACES.computeIfAbsent(fonts.file(shipped).toAbsolutePath(), TrueTypeOutlines::read);
        }
        try {
            return TrueTypeOutlines.read(fonts.file(face));
        } catch (IllegalStateException e) {
            throw new IllegalStateException("only fonts with TrueType outlines can (not OpenType CFF ones)", e);
        }
    }

    private static String family(Typeface face) {
        return face instanceof Typeface.Loaded loaded ? loaded.family() : face.toString();
    }

    /**
     * A PNG of the frame, written directly: 8-bit RGBA, no row filters, deflated at the fastest level. The frames
     * live only as long as the ffmpeg run that reads them, and are mostly clear, which the fastest level packs well;
     * ImageIO's writer (adaptive filters, in Java) takes several times as long.
     */
    static void png(BufferedImage premultiplied, Path file) {
        png(premultiplied, file, false);
    }

    /**
     * As {@link #png(BufferedImage, Path)}; {@code animated}: as a one-frame animated PNG, which ffmpeg reads with
     * a time base of 1/100000 s (a plain PNG's is 1/25 s), so that a list of them keeps their times exact.
     */
    static void png(BufferedImage premultiplied, Path file, boolean animated) {
        int width = premultiplied.getWidth();
        int height = premultiplied.getHeight();
        int[] argb = new int[width];
        byte[] row = new byte[1 + 4 * width];
        ByteArrayOutputStream pixels = new ByteArrayOutputStream();
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try (DeflaterOutputStream deflated = new DeflaterOutputStream(pixels, deflater, 1 << 16)) {
            for (int y = 0; y < height; y++) {
                premultiplied.getRaster().getDataElements(0, y, width, 1, argb);
                for (int x = 0; x < width; x++) {
                    int pixel = argb[x];
                    int alpha = pixel >>> 24;
                    int at = 1 + 4 * x;
                    if (alpha == 0) {
                        row[at] = row[at + 1] = row[at + 2] = row[at + 3] = 0;
                        continue;
                    }
                    row[at] = (byte) Math.min(255, ((pixel >> 16) & 0xff) * 255 / alpha);
                    row[at + 1] = (byte) Math.min(255, ((pixel >> 8) & 0xff) * 255 / alpha);
                    row[at + 2] = (byte) Math.min(255, (pixel & 0xff) * 255 / alpha);
                    row[at + 3] = (byte) alpha;
                }
                deflated.write(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deflater.end();
        }
        ByteBuffer header = ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 6).put((byte) 0).put((byte) 0).put((byte) 0);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
            chunk(out, "IHDR", header.array());
            if (animated) {
                chunk(out, "acTL", ByteBuffer.allocate(8).putInt(1).putInt(0).array());
                chunk(out, "fcTL", ByteBuffer.allocate(26).putInt(0).putInt(width).putInt(height).putInt(0).putInt(0)
                        .putShort((short) 1).putShort((short) 1).put((byte) 0).put((byte) 0).array());
            }
            chunk(out, "IDAT", pixels.toByteArray());
            chunk(out, "IEND", new byte[0]);
        } catch (IOException e) {
            throw new CompositionFailedException("cannot write the rich text frame " + file, e);
        }
    }

    private static void chunk(OutputStream out, String type, byte[] data) throws IOException {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.write(ByteBuffer.allocate(4).putInt(data.length).array());
        out.write(name);
        out.write(data);
        out.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
