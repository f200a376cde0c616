package dev.reelforge.local.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.local.ProjectFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The vendored contracts parse: the workspace's copy (unchanged where the workspace has one) and the newest one the
 * tests judge by.
 */
class ContractCopyTest {

    @Test
    void theVendoredContractParsesForTheEditAndServeFaces() {
        assertThat(ShotstackContract.loadWorkspaceCopy().getPaths()).containsKeys("/render", "/render/{id}",
                "/assets/{id}", "/assets/render/{id}");
    }

    @Test
    void theNewestContractParsesForTheEditServeAndIngestFacesWithItsNewAssets() {
        var contract = ShotstackContract.load();
        assertThat(contract.getPaths()).containsKeys("/render", "/render/{id}", "/templates", "/templates/render",
                "/assets/{id}", "/assets/render/{id}", "/sources", "/sources/{id}", "/upload");
        assertThat(contract.getComponents().getSchemas()).containsKeys("RichTextAsset", "RichCaptionAsset",
                "ShapeAsset", "SvgAsset");
    }

    @Test
    void theVendoredContractIsTheWorkspacesContractUnchanged() throws IOException {
        Path vendored = ProjectFiles.shotstackContract().getParent();
        Path workspace = ProjectFiles.root().resolveSibling("shared/contracts/shotstack-openapi");
        if (!Files.isDirectory(workspace)) {
            // A clone outside the workspace has only the vendored copy; it was compared when it changed.
            return;
        }
        assertThat(files(vendored)).isEqualTo(files(workspace));
        for (Path file : files(workspace)) {
            assertThat(Files.readString(vendored.resolve(file))).as(file.toString())
                    .isEqualTo(Files.readString(workspace.resolve(file)));
        }
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }
}
