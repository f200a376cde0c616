package dev.reelforge.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.reelforge.core.edit.model.Color;
import dev.reelforge.core.edit.model.Position;
import dev.reelforge.core.pipeline.HtmlRasterizer;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenHtmlRasterizerTest {

    @TempDir
    Path directory;

    private final OpenHtmlRasterizer rasterizer = new OpenHtmlRasterizer();

    @Test
    void textIsDrawnInItsColourOnATransparentBoxOfTheAskedSize() throws IOException {
        BufferedImage image = draw(new HtmlRasterizer.Page("<p>HELLO</p>",
                "p { color: #ff0000; font-size: 40px; margin: 0; }", 200, 100, Color.TRANSPARENT, Position.CENTER));

        assertThat(image.getWidth()).isEqualTo(200);
        assertThat(image.getHeight()).isEqualTo(100);
        Ink ink = Ink.of(image, 0xff0000);
        assertThat(ink.count()).isGreaterThan(200);
        // centred by default: the ink's middle is near the box's
        assertThat((ink.left() + ink.right()) / 2).isBetween(85, 115);
        assertThat((ink.top() + ink.bottom()) / 2).isBetween(35, 65);
        assertThat(image.getRGB(2, 2) >>> 24).isZero();
    }

    @Test
    void theBackgroundFillsTheBoxAndThePositionPlacesTheContentInIt() throws IOException {
        BufferedImage image = draw(new HtmlRasterizer.Page("<p>Hi</p>",
                "p { color: #ffffff; font-size: 30px; margin: 0; }", 300, 150, Color.parse("#0000ff"),
                Position.BOTTOM_RIGHT));

        assertThat(image.getRGB(5, 5)).isEqualTo(0xff0000ff);
        Ink ink = Ink.of(image, 0xffffff);
        assertThat(ink.count()).isGreaterThan(50);
        assertThat(ink.right()).isGreaterThan(280);
        assertThat(ink.bottom()).isGreaterThan(130);
        assertThat(ink.left()).isGreaterThan(200);
    }

    /** One glyph, so its ink is its outline's: a monospaced i has a foot and an arm, a sans-serif i is a stroke. */
    @Test
    void aFontOfTheEditIsUsedByItsFamilyName() throws IOException {
        Path mono = directory.resolve("font");
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("liberation/LiberationMono-Regular.ttf")) {
            Files.write(mono, in.readAllBytes());
        }
        String css = "p { color: #00ff00; font-size: 60px; margin: 0; font-family: '%s'; }";
        int fallback = Ink.of(draw(new HtmlRasterizer.Page("<p>i</p>", css.formatted("Unknown Family"), 200, 90,
                Color.TRANSPARENT, Position.CENTER)), 0x00ff00).width();
        Path target = directory.resolve("custom.png");
        rasterizer.rasterize(new HtmlRasterizer.Page("<p>i</p>", css.formatted("My Own Font"), 200, 90,
                Color.TRANSPARENT, Position.CENTER), List.of(new HtmlRasterizer.FontFile("My Own Font", mono)), target);
        int custom = Ink.of(ImageIO.read(target.toFile()), 0x00ff00).width();

        assertThat(fallback).as("Liberation Sans' i").isBetween(4, 10);
        assertThat(custom).as("the edit's font's i").isGreaterThan(20);
    }

    /** The faces are embedded when the page is written: drawn before that, every face would look the same. */
    @Test
    void boldAndItalicAreDrawnWithTheirOwnFacesAlsoForAnUnknownFamily() throws IOException {
        String css = "p { color: #00ff00; font-size: 40px; margin: 0; }";
        int regular = Ink.of(draw(new HtmlRasterizer.Page("<p>WWW</p>", css, 300, 90, Color.TRANSPARENT,
                Position.CENTER)), 0x00ff00).count();
        int bold = Ink.of(draw(new HtmlRasterizer.Page("<p><b>WWW</b></p>", css, 300, 90, Color.TRANSPARENT,
                Position.CENTER)), 0x00ff00).count();
        int unknownBold = Ink.of(draw(new HtmlRasterizer.Page("<p style=\"font-family: 'Nope'\"><b>WWW</b></p>", css,
                300, 90, Color.TRANSPARENT, Position.CENTER)), 0x00ff00).count();
        Ink italic = Ink.of(draw(new HtmlRasterizer.Page("<p><i>l</i></p>", css, 300, 90, Color.TRANSPARENT,
                Position.CENTER)), 0x00ff00);
        Ink upright = Ink.of(draw(new HtmlRasterizer.Page("<p>l</p>", css, 300, 90, Color.TRANSPARENT,
                Position.CENTER)), 0x00ff00);

        assertThat(bold).as("bold ink against regular %d", regular).isGreaterThan(regular * 13 / 10);
        assertThat(unknownBold).as("bold of an unknown family (Liberation Sans Bold)").isEqualTo(bold);
        assertThat(italic.width()).as("a slanted l is wider than an upright one").isGreaterThan(upright.width() + 3);
    }

    @Test
    void nothingOutsideThePageIsFetched() throws IOException {
        AtomicInteger requests = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            draw(new HtmlRasterizer.Page("<link rel='stylesheet' href='" + base + "/a.css'><img src='" + base
                    + "/b.png'><p style=\"background-image: url('" + base + "/c.png')\">x</p><script>x()</script>",
                    "@import url('" + base + "/d.css'); @font-face { font-family: F; src: url('" + base
                            + "/e.ttf'); } p { font-family: F; }", 100, 50, Color.TRANSPARENT, Position.CENTER));
        } finally {
            server.stop(0);
        }
        assertThat(requests.get()).isZero();
    }

    @Test
    void markupNestedTooDeeplyToLayOutFailsNamingNoInternals() {
        String html = "<div>".repeat(20_000) + "x";
        assertThatThrownBy(() -> draw(new HtmlRasterizer.Page(html, "", 100, 50, Color.TRANSPARENT, Position.CENTER)))
                .isInstanceOf(HtmlRasterizer.HtmlRenderingFailedException.class)
                .hasMessage("the markup could not be laid out");
    }

    private BufferedImage draw(HtmlRasterizer.Page page) throws IOException {
        Path target = directory.resolve("page.png");
        rasterizer.rasterize(page, List.of(), target);
        return ImageIO.read(target.toFile());
    }

    /** Where pixels near {@code rgb} (and opaque) are. */
    private record Ink(int count, int left, int right, int top, int bottom) {

        int width() {
            return right - left + 1;
        }

        static Ink of(BufferedImage image, int rgb) {
            int count = 0;
            int left = Integer.MAX_VALUE;
            int right = -1;
            int top = Integer.MAX_VALUE;
            int bottom = -1;
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    int argb = image.getRGB(x, y);
                    if (argb >>> 24 > 200 && near(argb, rgb)) {
                        count++;
                        left = Math.min(left, x);
                        right = Math.max(right, x);
                        top = Math.min(top, y);
                        bottom = Math.max(bottom, y);
                    }
                }
            }
            return new Ink(count, left, right, top, bottom);
        }

        private static boolean near(int argb, int rgb) {
            for (int shift = 0; shift <= 16; shift += 8) {
                if (Math.abs((argb >> shift & 0xff) - (rgb >> shift & 0xff)) > 60) {
                    return false;
                }
            }
            return true;
        }
    }
}
