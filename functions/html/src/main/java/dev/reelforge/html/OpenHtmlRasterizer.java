package dev.reelforge.html;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import dev.reelforge.core.edit.model.Color;
import dev.reelforge.core.edit.model.FontFamily;
import dev.reelforge.core.edit.model.Position;
import dev.reelforge.core.pipeline.HtmlRasterizer;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Draws an HTML asset without a browser: jsoup parses the markup (HTML5, linear time, a body fragment that cannot
 * leave the box it is put in), openhtmltopdf lays it out with CSS 2.1 onto one PDF page of the box's size, and PDFBox
 * draws that page into pixels from the embedded fonts' own outlines, so no system font and no FreeType library is
 * needed (Lambda has neither). Nothing outside the page is ever loaded: every external resource (style sheet, image,
 * font by URL) is refused, scripts are removed and would not run anyway. Text is set in the shipped Liberation fonts
 * (also under the names they stand in for), Shotstack's built-in families where the classpath has them, and the
 * edit's own fonts; a family none of them answers to falls back to Liberation Sans.
 */
public final class OpenHtmlRasterizer implements HtmlRasterizer {

    private static final String LIBERATION = "liberation/";
    /** CSS pixels per inch, and PDF points per inch: the page is laid out in points and drawn back at 96 dpi. */
    private static final float CSS_DPI = 96f;
    private static final float PDF_DPI = 72f;

    private record Family(String file, List<String> names) {}

    private static final List<Family> SHIPPED = List.of(
            new Family("LiberationSans", List.of("Liberation Sans", "Arial", "Helvetica", "sans-serif", "SansSerif")),
            new Family("LiberationSerif", List.of("Liberation Serif", "Times New Roman", "Times", "serif", "Serif")),
            new Family("LiberationMono", List.of("Liberation Mono", "Courier New", "Courier", "monospace",
                    "Monospaced")));

    /** Held, since the logging framework keeps its loggers only weakly. */
    private static final Logger PDFBOX_LOG = Logger.getLogger("org.apache.pdfbox");

    static {
        XRLog.setLoggingEnabled(false);
        // openhtmltopdf makes PDFBox's standard fonts, which warns that they are stand-ins; they are never drawn
        PDFBOX_LOG.setLevel(Level.SEVERE);
    }

    @Override
    public void rasterize(Page page, List<FontFile> fonts, Path target) {
        BufferedImage drawn;
        try {
            drawn = draw(page, fonts);
        } catch (IOException | RuntimeException | StackOverflowError e) {
            throw new HtmlRenderingFailedException("the markup could not be laid out", e);
        }
        BufferedImage box = new BufferedImage(page.width(), page.height(), BufferedImage.TYPE_INT_ARGB);
        Graphics2D graphics = box.createGraphics();
        try {
            Color background = page.background();
            if (background.alpha() > 0) {
                graphics.setColor(new java.awt.Color(background.red(), background.green(), background.blue(),
                        background.alpha()));
                graphics.fillRect(0, 0, page.width(), page.height());
            }
            graphics.drawImage(drawn, 0, 0, null);
        } finally {
            graphics.dispose();
        }
        try {
            ImageIO.write(box, "png", target.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    private static BufferedImage draw(Page page, List<FontFile> fonts) throws IOException {
        PdfRendererBuilder builder = new PdfRendererBuilder()
                .withW3cDocument(new W3CDom().fromJsoup(document(page)), "about:blank")
                .useDefaultPageSize(page.width() / CSS_DPI, pageHeight(page) / CSS_DPI,
                        BaseRendererBuilder.PageSizeUnits.INCHES)
                .useExternalResourceAccessControl((uri, type) -> false,
                        ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI)
                .useExternalResourceAccessControl((uri, type) -> false,
                        ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
        for (Family family : SHIPPED) {
            for (String name : family.names()) {
                shipped(builder, family.file() + "-Regular.ttf", name, 400, BaseRendererBuilder.FontStyle.NORMAL);
                shipped(builder, family.file() + "-Bold.ttf", name, 700, BaseRendererBuilder.FontStyle.NORMAL);
                shipped(builder, family.file() + "-Italic.ttf", name, 400, BaseRendererBuilder.FontStyle.ITALIC);
                shipped(builder, family.file() + "-BoldItalic.ttf", name, 700, BaseRendererBuilder.FontStyle.ITALIC);
            }
        }
        builtIn(builder, fonts);
        for (FontFile font : fonts) {
            builder.useFont(font.file().toFile(), font.family(), 400, BaseRendererBuilder.FontStyle.NORMAL, true);
        }
        // any family nobody answers to: Liberation Sans, before the PDF standard fonts (which are not embedded)
        for (String face : List.of("Regular", "Bold", "Italic", "BoldItalic")) {
            builder.useFont(() -> resource("LiberationSans-" + face + ".ttf"), "Reelforge Fallback",
                    face.startsWith("Bold") ? 700 : 400,
                    face.endsWith("Italic") ? BaseRendererBuilder.FontStyle.ITALIC : BaseRendererBuilder.FontStyle.NORMAL,
                    true, EnumSet.of(BaseRendererBuilder.FSFontUseCase.FALLBACK_PRE));
        }
        // Written out and read back: the fonts' subsets are embedded only when the document is saved, and a page
        // drawn before that would show PDFBox's stand-in font instead of the faces laid out.
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        builder.toStream(pdf).run();
        try (PDDocument document = Loader.loadPDF(pdf.toByteArray())) {
            return new PDFRenderer(document).renderImage(0, CSS_DPI / PDF_DPI, ImageType.ARGB);
        }
    }

    /**
     * The page is taller than the box: a line crossing the page's bottom would be moved to a next page, where a
     * line crossing the box's bottom is to be cut (the box clips its overflow, and only the box is kept).
     */
    private static int pageHeight(Page page) {
        return page.height() + Math.max(page.height(), 256);
    }

    /**
     * Shotstack's built-in families under the names text assets accept, their faces by weight and slant as there,
     * where the classpath has them (the render worker's jar does); an edit's own font of the same name wins.
     */
    private static void builtIn(PdfRendererBuilder builder, List<FontFile> fonts) {
        for (FontFamily family : FontFamily.values()) {
            if (family.face(400).liberation()
                    || OpenHtmlRasterizer.class.getClassLoader().getResource(family.face(400).resource()) == null) {
                continue;
            }
            for (String name : family.names()) {
                if (fonts.stream().anyMatch(font -> font.family().equalsIgnoreCase(name))) {
                    continue;
                }
                for (int weight : new int[] {300, 400, 700}) {
                    for (boolean italic : new boolean[] {false, true}) {
                        String resource = family.face(weight, italic).resource();
                        builder.useFont(() -> OpenHtmlRasterizer.class.getClassLoader().getResourceAsStream(resource),
                                name, weight, italic ? BaseRendererBuilder.FontStyle.ITALIC
                                        : BaseRendererBuilder.FontStyle.NORMAL, true);
                    }
                }
            }
        }
    }

    private static void shipped(PdfRendererBuilder builder, String file, String name, int weight,
            BaseRendererBuilder.FontStyle style) {
        builder.useFont(() -> resource(file), name, weight, style, true);
    }

    private static InputStream resource(String file) {
        InputStream in = OpenHtmlRasterizer.class.getClassLoader().getResourceAsStream(LIBERATION + file);
        if (in == null) {
            throw new IllegalStateException("the classpath has no " + LIBERATION + file
                    + " (com.github.librepdf:openpdf-fonts-extra)");
        }
        return in;
    }

    /**
     * The user's markup as the only content of a box of the page's size, styled last. The content shrinks to fit
     * (an inline block, at most the box wide) so that the box's position places it, blocks and all.
     */
    static Document document(Page page) {
        Document fragment = Jsoup.parseBodyFragment(page.html());
        fragment.select("script, link, iframe, object, embed").remove();
        Document document = Document.createShell("");
        // in the XHTML namespace, openhtmltopdf applies its default style sheet (b is bold, i italic, ...)
        document.child(0).attr("xmlns", "http://www.w3.org/1999/xhtml");
        Element head = document.head();
        head.appendElement("style").appendChild(new DataNode(boxStyle(page)));
        head.appendElement("style").appendChild(new DataNode(page.css()));
        Element cell = document.body().appendElement("div").addClass("reelforge-box")
                .appendElement("table").addClass("reelforge-box")
                .appendElement("tr").appendElement("td").addClass("reelforge-content")
                .appendElement("div").addClass("reelforge-content");
        cell.insertChildren(0, fragment.body().childNodesCopy());
        return document;
    }

    private static String boxStyle(Page page) {
        Position position = page.position();
        String vertical = position.y() < 0.25 ? "top" : position.y() > 0.75 ? "bottom" : "middle";
        String horizontal = position.x() < 0.25 ? "left" : position.x() > 0.75 ? "right" : "center";
        return String.format(Locale.ROOT, """
                @page { size: %1$dpx %5$dpx; margin: 0; }
                html, body { margin: 0; padding: 0; font-family: 'Liberation Sans'; }
                div.reelforge-box { width: %1$dpx; height: %2$dpx; overflow: hidden; }
                table.reelforge-box { width: %1$dpx; height: %2$dpx; border-collapse: collapse; border-spacing: 0; }
                td.reelforge-content { padding: 0; vertical-align: %3$s; text-align: %4$s; }
                div.reelforge-content { display: inline-block; max-width: %1$dpx; }
                """, page.width(), page.height(), vertical, horizontal, pageHeight(page));
    }
}
