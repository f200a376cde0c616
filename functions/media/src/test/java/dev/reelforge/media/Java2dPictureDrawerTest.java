package dev.reelforge.media;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.edit.model.Asset;
import dev.reelforge.core.edit.model.Color;
import dev.reelforge.core.edit.model.Size;
import dev.reelforge.core.pipeline.SourceFetcher.FetchResult;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Java2dPictureDrawerTest {

    private final Java2dPictureDrawer drawer = new Java2dPictureDrawer();

    @TempDir
    Path work;

    @Test
    void aCircleIsFilledAndStrokedInTheMiddleOfAFrameSizedTransparentBox() throws IOException {
        BufferedImage image = drawn(new Asset.Shape(URI.create("drawn:c"), new Asset.Figure.Circle(40),
                Optional.empty(), Optional.empty(), Optional.of(Color.parse("#ff0000")),
                Optional.of(Color.parse("#0000ff")), 6));
        assertThat(image.getWidth()).isEqualTo(320);
        assertThat(image.getHeight()).isEqualTo(180);
        assertThat(argb(image, 160, 90)).isEqualTo(0xffff0000);
        assertThat(argb(image, 160, 90 - 40)).as("the stroke on the outline").isEqualTo(0xff0000ff);
        assertThat(image.getRGB(10, 10) >>> 24).as("outside the circle: transparent").isZero();
    }

    @Test
    void aRoundedRectangleInItsOwnBoxLeavesItsCornersTransparent() throws IOException {
        BufferedImage image = drawn(new Asset.Shape(URI.create("drawn:r"), new Asset.Figure.Rectangle(100, 60, 20),
                Optional.of(100), Optional.of(60), Optional.of(Color.parse("#00ff00")), Optional.empty(), 1));
        assertThat(image.getWidth()).isEqualTo(100);
        assertThat(argb(image, 50, 30)).isEqualTo(0xff00ff00);
        assertThat(image.getRGB(1, 1) >>> 24).as("a rounded corner").isZero();
    }

    @Test
    void svgMarkupIsDrawnAtItsOwnSizeWithoutFetchingWhatItLinks() throws IOException {
        BufferedImage image = drawn(new Asset.Svg(URI.create("drawn:s"), """
                <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="100"
                     height="50"><rect x="0" y="0" width="50" height="50" fill="#ffff00"/>
                  <image x="50" y="0" width="50" height="50" xlink:href="file:///etc/hostname"/></svg>"""));
        assertThat(image.getWidth()).isEqualTo(100);
        assertThat(image.getHeight()).isEqualTo(50);
        assertThat(argb(image, 25, 25)).isEqualTo(0xffffff00);
        assertThat(image.getRGB(75, 25) >>> 24).as("the linked file is not read").isZero();
    }

    @Test
    void markupThatIsNotSvgOrTooLargeIsRefused() {
        assertThat(drawer.draw(new Asset.Svg(URI.create("drawn:x"), "<svg width='10'"), new Size(320, 180),
                work.resolve("x.png"))).isInstanceOf(FetchResult.Refused.class);
        assertThat(drawer.draw(new Asset.Svg(URI.create("drawn:y"),
                "<svg xmlns='http://www.w3.org/2000/svg' width='5000' height='10'/>"), new Size(320, 180),
                work.resolve("y.png"))).isInstanceOf(FetchResult.Refused.class);
    }

    private BufferedImage drawn(Asset.Drawn picture) throws IOException {
        Path target = work.resolve("picture.png");
        assertThat(drawer.draw(picture, new Size(320, 180), target)).isInstanceOf(FetchResult.Fetched.class);
        return ImageIO.read(target.toFile());
    }

    private static int argb(BufferedImage image, int x, int y) {
        return image.getRGB(x, y);
    }
}
