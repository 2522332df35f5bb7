package dev.wasrisc.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class FlameGraphTest {

    private static final CallTree BASE = CallTree.fromFolded(List.of(
            "_start;main;hash 600", "_start;main;print 100", "_start 10"), FrameNames.symbolsOnly());
    private static final CallTree OTHER = CallTree.fromFolded(List.of(
            "_start;main;hash 1200", "_start;main;print 50", "_start;main;memcpy 300", "_start 10"), FrameNames.symbolsOnly());

    @Test
    void framesAreAsWideAsTheirInstructionsAndEveryNameIsEscaped() throws Exception {
        CallTree tree = CallTree.fromFolded(List.of("_start;main;Vec<u8>::push 300", "_start;main 100"),
                FrameNames.symbolsOnly());

        Document svg = parse(FlameGraph.svg(tree, "a <title> & more", "g1"));

        List<Element> frames = frames(svg);
        assertThat(frames).extracting(f -> f.getAttribute("data-n"))
                .containsExactlyInAnyOrder("all", "_start", "main", "Vec<u8>::push");
        Element push = frames.stream().filter(f -> f.getAttribute("data-n").equals("Vec<u8>::push")).findFirst().orElseThrow();
        assertThat(Double.parseDouble(push.getAttribute("data-x1")) - Double.parseDouble(push.getAttribute("data-x0")))
                .isCloseTo(0.75, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(svg.getDocumentElement().getAttribute("id")).isEqualTo("g1");
        assertThat(svg.getElementsByTagName("script").getLength()).isEqualTo(1);
    }

    @Test
    void differentialGraphIsRedWhereAFunctionGrewAndBlueWhereItShrank() throws Exception {
        Document svg = parse(FlameGraph.differential(BASE, OTHER, "direct", "wasm2c", "diff", "d1"));

        assertThat(fill(svg, "hash")).matches("rgb\\(255,\\d+,\\d+\\)").isNotEqualTo("rgb(255,255,255)");
        assertThat(fill(svg, "memcpy")).startsWith("rgb(255,");
        assertThat(fill(svg, "print")).matches("rgb\\(\\d+,\\d+,255\\)");
        assertThat(fill(svg, "_start")).isEqualTo("rgb(250,250,250)");
        assertThat(title(svg, "hash")).contains("function's own: 1,200 in wasm2c, 600 in direct, +600");
    }

    @Test
    void framesTooNarrowToSeeAreLeftOut() throws Exception {
        // 1 instruction in 100,001 is 0.01 px of the graph's 1,180.
        CallTree tree = CallTree.fromFolded(List.of("main;hash 100000", "main;tiny 1"), FrameNames.symbolsOnly());

        assertThat(frames(parse(FlameGraph.svg(tree, "t", "g2")))).extracting(f -> f.getAttribute("data-n"))
                .containsExactlyInAnyOrder("all", "main", "hash");
    }

    @Test
    void inclusiveCountsCountARecursiveFunctionOnce() {
        CallTree tree = CallTree.fromFolded(List.of("main;f;f;f 10", "main;f 5", "main 1"), FrameNames.symbolsOnly());

        assertThat(tree.inclusiveByFunction()).containsEntry("f", 15L).containsEntry("main", 16L);
        assertThat(tree.selfByFunction()).containsEntry("f", 15L);
        assertThat(tree.total()).isEqualTo(16);
    }

    private static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> frames(Document svg) {
        NodeList groups = svg.getElementsByTagName("g");
        List<Element> frames = new ArrayList<>();
        for (int i = 0; i < groups.getLength(); i++) {
            frames.add((Element) groups.item(i));
        }
        return frames;
    }

    private static Element frame(Document svg, String name) {
        return frames(svg).stream().filter(f -> f.getAttribute("data-n").equals(name)).findFirst().orElseThrow();
    }

    private static String fill(Document svg, String name) {
        return ((Element) frame(svg, name).getElementsByTagName("rect").item(0)).getAttribute("fill");
    }

    private static String title(Document svg, String name) {
        return frame(svg, name).getElementsByTagName("title").item(0).getTextContent();
    }
}
