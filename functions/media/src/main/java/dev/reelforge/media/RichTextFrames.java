package dev.reelforge.media;

import dev.reelforge.core.edit.model.FontFace;
import dev.reelforge.core.edit.model.Fps;
import dev.reelforge.core.pipeline.CompositionFailedException;
import dev.reelforge.core.plan.VisualLayer;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

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
        RichTextPainter painter = new RichTextPainter(layer.text(), layer.width(), layer.height(),
                face(fonts, layer.text().face()));
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

    private static TrueTypeOutlines face(LiberationFonts fonts, FontFace face) {
        return FACES.computeIfAbsent(fonts.file(face).toAbsolutePath(), TrueTypeOutlines::read);
    }

    /** Fast deflate: the frames live only as long as the ffmpeg run that reads them. */
    private static void png(BufferedImage premultiplied, Path file) {
        BufferedImage image = new BufferedImage(premultiplied.getWidth(), premultiplied.getHeight(),
                BufferedImage.TYPE_INT_ARGB);
        image.getGraphics().drawImage(premultiplied, 0, 0, null);
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
        ImageWriter writer = writers.next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (param.canWriteCompressed()) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(0.9f);
            }
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new CompositionFailedException("cannot write the rich text frame " + file, e);
        } finally {
            writer.dispose();
        }
    }
}
