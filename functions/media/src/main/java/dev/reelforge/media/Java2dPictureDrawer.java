package dev.reelforge.media;

import com.github.weisj.jsvg.SVGDocument;
import com.github.weisj.jsvg.parser.DocumentLimits;
import com.github.weisj.jsvg.parser.LoaderContext;
import com.github.weisj.jsvg.parser.SVGLoader;
import com.github.weisj.jsvg.parser.resources.ResourcePolicy;
import com.github.weisj.jsvg.view.FloatSize;
import com.github.weisj.jsvg.view.ViewBox;
import dev.reelforge.core.edit.model.Asset;
import dev.reelforge.core.edit.model.Color;
import dev.reelforge.core.edit.model.Size;
import dev.reelforge.core.pipeline.PictureDrawer;
import dev.reelforge.core.pipeline.SourceFetcher.FetchResult;
import java.awt.BasicStroke;
import java.awt.Component;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Draws shapes (Java2D) and SVG markup (jsvg, pure Java) to transparent PNGs. SVG markup is hostile: it is drawn with
 * every external resource denied (no fetch, no file read), within jsvg's document limits, and on a canvas of at most
 * {@value #MAX_PIXELS} pixels a side; markup that does not parse, or is bigger, is refused.
 */
public final class Java2dPictureDrawer implements PictureDrawer {

    /** The largest side of a drawn picture (the schema bounds a shape's box to it, this bounds an SVG's). */
    public static final int MAX_PIXELS = 4096;

    private static final LoaderContext SVG_CONTEXT = LoaderContext.builder()
            .externalResourcePolicy(ResourcePolicy.DENY_ALL)
            .documentLimits(new DocumentLimits(64, 8, 20_000))
            .build();

    static {
        // Lambda has no display; drawing to an image needs none.
        System.setProperty("java.awt.headless", "true");
    }

    @Override
    public FetchResult draw(Asset.Drawn picture, Size frame, Path target) {
        BufferedImage image = switch (picture) {
            case Asset.Shape shape -> shape(shape, frame);
            case Asset.Svg svg -> {
                try {
                    yield svg(svg);
                } catch (RuntimeException | InternalError e) {
                    // jsvg's exceptions name its internals; the user is told what is wrong with the markup. An
                    // InternalError is AWT without fonts (Lambda) meeting <text>, which the contract's SVG lacks.
                    yield null;
                }
            }
        };
        if (image == null) {
            return new FetchResult.Refused("the SVG markup cannot be drawn (not well-formed SVG, or over "
                    + MAX_PIXELS + " pixels a side)");
        }
        try {
            ImageIO.write(image, "png", target.toFile());
            return new FetchResult.Fetched(target, Files.size(target));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the drawn picture " + target, e);
        }
    }

    private static BufferedImage shape(Asset.Shape shape, Size frame) {
        int width = Math.min(MAX_PIXELS, shape.width().orElse(frame.width()));
        int height = Math.min(MAX_PIXELS, shape.height().orElse(frame.height()));
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D graphics = smooth(image);
        double cx = width / 2.0;
        double cy = height / 2.0;
        Shape outline = switch (shape.figure()) {
            case Asset.Figure.Rectangle rectangle -> rectangle.cornerRadius() > 0
                    ? new RoundRectangle2D.Double(cx - rectangle.width() / 2.0, cy - rectangle.height() / 2.0,
                            rectangle.width(), rectangle.height(), 2.0 * rectangle.cornerRadius(),
                            2.0 * rectangle.cornerRadius())
                    : new Rectangle2D.Double(cx - rectangle.width() / 2.0, cy - rectangle.height() / 2.0,
                            rectangle.width(), rectangle.height());
            case Asset.Figure.Circle circle -> new Ellipse2D.Double(cx - circle.radius(), cy - circle.radius(),
                    2.0 * circle.radius(), 2.0 * circle.radius());
            case Asset.Figure.Line line -> new Rectangle2D.Double(cx - line.length() / 2.0,
                    cy - line.thickness() / 2.0, line.length(), line.thickness());
        };
        shape.fill().ifPresent(fill -> {
            graphics.setColor(awt(fill));
            graphics.fill(outline);
        });
        shape.stroke().filter(stroke -> shape.strokeWidth() > 0).ifPresent(stroke -> {
            graphics.setColor(awt(stroke));
            graphics.setStroke(new BasicStroke((float) shape.strokeWidth()));
            graphics.draw(outline);
        });
        graphics.dispose();
        return image;
    }

    private static BufferedImage svg(Asset.Svg svg) {
        SVGDocument document = new SVGLoader().load(
                new ByteArrayInputStream(svg.markup().getBytes(StandardCharsets.UTF_8)), null, SVG_CONTEXT);
        if (document == null) {
            return null;
        }
        FloatSize size = document.size();
        int width = (int) Math.ceil(size.width);
        int height = (int) Math.ceil(size.height);
        if (!(width >= 1 && height >= 1 && width <= MAX_PIXELS && height <= MAX_PIXELS)) {
            return null;
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D graphics = smooth(image);
        document.render((Component) null, graphics, new ViewBox(0, 0, width, height));
        graphics.dispose();
        return image;
    }

    private static Graphics2D smooth(BufferedImage image) {
        Graphics2D graphics = image.createGraphics();
        graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        graphics.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        return graphics;
    }

    private static java.awt.Color awt(Color color) {
        return new java.awt.Color(color.red(), color.green(), color.blue(), color.alpha());
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Java2dPictureDrawer(max %d px)", MAX_PIXELS);
    }
}
