package dev.wasrisc.profile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * A call tree drawn as a flame graph: a self-contained SVG (its script inside) that zooms into a
 * frame on click and highlights a search, as people know from flamegraph.pl and inferno. Written
 * here rather than taken from them; it works standalone and inline in an HTML report, where several
 * graphs share a page (each script finds its own graph by id).
 *
 * <p>Frames are coloured by {@link FrameGroup}; a differential graph takes the shape of one run and
 * colours each frame by how its function's own instructions changed against a base run (red more,
 * blue fewer, white the same), functions matched across pipelines by source name.
 */
public final class FlameGraph {

    private static final int WIDTH = 1200;
    private static final int PAD = 10;
    private static final int FRAME_HEIGHT = 16;
    private static final int TOP = 58;
    private static final int BOTTOM = 30;
    /** Frames narrower than this many pixels are left out, with what they call. */
    private static final double MIN_WIDTH = 0.3;

    private FlameGraph() {}

    /** The flame graph of one run, coloured by frame group. */
    public static String svg(CallTree tree, String title, String id) {
        long total = Math.max(1, tree.total());
        return render(tree, title, id, "Colour: " + legend(),
                frame -> groupColour(frame),
                frame -> String.format(Locale.ROOT, "%s (%s, %,d instructions, %.2f%%)", frame.name(),
                        frame.group().label(), frame.total(), 100.0 * frame.total() / total));
    }

    /**
     * {@code other}'s flame graph coloured by the change of each function's own instructions from
     * {@code base} to {@code other}.
     */
    public static String differential(CallTree base, CallTree other, String baseName, String otherName, String title,
            String id) {
        Map<String, Long> baseSelf = byKey(base.selfByFunction());
        Map<String, Long> otherSelf = byKey(other.selfByFunction());
        long largest = 1;
        for (Map.Entry<String, Long> e : otherSelf.entrySet()) {
            largest = Math.max(largest, Math.abs(e.getValue() - baseSelf.getOrDefault(e.getKey(), 0L)));
        }
        long scale = largest;
        long total = Math.max(1, other.total());
        return render(other, title, id,
                "Shape: " + otherName + ". Colour: a function's own instructions in " + otherName + " against "
                        + baseName + " (red more, blue fewer; matched by source name)",
                frame -> {
                    String key = ProfileDiff.key(frame.name());
                    long delta = otherSelf.getOrDefault(key, 0L) - baseSelf.getOrDefault(key, 0L);
                    return diffColour(delta, scale);
                },
                frame -> {
                    String key = ProfileDiff.key(frame.name());
                    long mine = otherSelf.getOrDefault(key, 0L);
                    long theirs = baseSelf.getOrDefault(key, 0L);
                    return String.format(Locale.ROOT,
                            "%s (%,d instructions, %.2f%%; function's own: %,d in %s, %,d in %s, %+,d)", frame.name(),
                            frame.total(), 100.0 * frame.total() / total, mine, otherName, theirs, baseName,
                            mine - theirs);
                });
    }

    private static Map<String, Long> byKey(Map<String, Long> byFunction) {
        Map<String, Long> byKey = new java.util.HashMap<>();
        byFunction.forEach((name, count) -> byKey.merge(ProfileDiff.key(name), count, Long::sum));
        return byKey;
    }

    private record Placed(CallTree.Frame frame, double x0, double x1, int depth) {}

    private static String render(CallTree tree, String title, String id, String subtitle,
            Function<CallTree.Frame, String> colour, Function<CallTree.Frame, String> tooltip) {
        List<Placed> placed = layout(tree);
        int depth = placed.stream().mapToInt(Placed::depth).max().orElse(0) + 1;
        int height = TOP + depth * FRAME_HEIGHT + BOTTOM;
        double plot = WIDTH - 2 * PAD;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg version=\"1.1\" xmlns=\"http://www.w3.org/2000/svg\" id=\"").append(xml(id))
                .append("\" width=\"").append(WIDTH).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" font-family=\"Verdana, sans-serif\" font-size=\"12\">\n");
        svg.append("<style>.f:hover rect{stroke:#000;stroke-width:0.5;cursor:pointer}.f text{pointer-events:none}"
                + ".ctl{cursor:pointer;fill:#333}.ctl:hover{fill:#06c}</style>\n");
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"#f8f8f4\"/>\n");
        svg.append("<text x=\"").append(WIDTH / 2).append("\" y=\"20\" text-anchor=\"middle\" font-size=\"16\">")
                .append(xml(title)).append("</text>\n");
        svg.append("<text x=\"").append(WIDTH / 2).append("\" y=\"38\" text-anchor=\"middle\" fill=\"#555\">")
                .append(xml(subtitle)).append("</text>\n");
        svg.append("<text class=\"ctl reset\" x=\"").append(PAD).append("\" y=\"20\" display=\"none\">Reset zoom</text>\n");
        svg.append("<text class=\"ctl search\" x=\"").append(WIDTH - PAD)
                .append("\" y=\"20\" text-anchor=\"end\">Search</text>\n");
        svg.append("<text class=\"matched\" x=\"").append(WIDTH - PAD).append("\" y=\"").append(height - 10)
                .append("\" text-anchor=\"end\"></text>\n");
        svg.append("<text class=\"details\" x=\"").append(PAD).append("\" y=\"").append(height - 10)
                .append("\"> </text>\n");
        for (Placed p : placed) {
            double x = PAD + p.x0() * plot;
            double w = (p.x1() - p.x0()) * plot;
            int y = height - BOTTOM - (p.depth() + 1) * FRAME_HEIGHT;
            svg.append(String.format(Locale.ROOT, "<g class=\"f\" data-x0=\"%.7f\" data-x1=\"%.7f\" data-d=\"%d\" data-n=\"%s\">",
                    p.x0(), p.x1(), p.depth(), xml(p.frame().name())));
            svg.append("<title>").append(xml(tooltip.apply(p.frame()))).append("</title>");
            svg.append(String.format(Locale.ROOT,
                    "<rect x=\"%.2f\" y=\"%d\" width=\"%.2f\" height=\"%d\" fill=\"%s\" rx=\"2\"/>", x, y,
                    Math.max(0, w - 0.5), FRAME_HEIGHT - 1, colour.apply(p.frame())));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.2f\" y=\"%d\">%s</text></g>\n", x + 3,
                    y + FRAME_HEIGHT - 4, xml(label(p.frame().name(), w))));
        }
        svg.append("<script type=\"text/ecmascript\"><![CDATA[\n(").append(SCRIPT).append(")(\"")
                .append(id.replace("\\", "\\\\").replace("\"", "\\\"")).append("\", ").append(WIDTH).append(", ")
                .append(PAD).append(");\n]]></script>\n");
        svg.append("</svg>\n");
        return svg.toString();
    }

    /** Frames in drawing order with their share of the width; the root ({@code all}) at depth 0. */
    private static List<Placed> layout(CallTree tree) {
        List<Placed> placed = new ArrayList<>();
        double total = Math.max(1, tree.total());
        double minShare = MIN_WIDTH / (WIDTH - 2 * PAD);
        List<Placed> pending = new ArrayList<>(List.of(new Placed(tree.root(), 0, 1, 0)));
        while (!pending.isEmpty()) {
            Placed p = pending.remove(pending.size() - 1);
            placed.add(p);
            double x = p.x0();
            List<CallTree.Frame> children = new ArrayList<>(p.frame().children());
            children.sort(Comparator.comparing(CallTree.Frame::name));
            for (CallTree.Frame child : children) {
                double share = child.total() / total;
                if (share >= minShare) {
                    pending.add(new Placed(child, x, x + share, p.depth() + 1));
                }
                x += share;
            }
        }
        return placed;
    }

    private static String label(String name, double width) {
        int chars = (int) ((width - 6) / 7);
        if (chars < 3) {
            return "";
        }
        return name.length() <= chars ? name : name.substring(0, chars - 2) + "..";
    }

    private static String legend() {
        StringBuilder legend = new StringBuilder();
        for (FrameGroup group : FrameGroup.values()) {
            legend.append(legend.length() == 0 ? "" : ", ").append(group.label()).append(' ')
                    .append(switch (group) {
                        case GUEST -> "red-yellow";
                        case START_UP -> "green";
                        case WASI -> "blue";
                        case MEMORY_COPY -> "aqua";
                        case TRAP -> "purple";
                        case UNKNOWN -> "grey";
                    });
        }
        return legend.toString();
    }

    private static String groupColour(CallTree.Frame frame) {
        int hash = frame.name().hashCode();
        double a = ((hash >>> 8) & 0xff) / 255.0;
        double b = ((hash >>> 16) & 0xff) / 255.0;
        return switch (frame.group()) {
            case GUEST -> rgb(205 + 50 * a, 80 + 150 * b, 55 * a);
            case START_UP -> rgb(90 + 50 * a, 180 + 50 * b, 90);
            case WASI -> rgb(90 + 40 * a, 140 + 50 * b, 225);
            case MEMORY_COPY -> rgb(60, 190 + 40 * a, 190 + 40 * b);
            case TRAP -> rgb(170 + 40 * a, 90, 210);
            case UNKNOWN -> rgb(175 + 30 * a, 175 + 30 * a, 175 + 30 * a);
        };
    }

    private static String diffColour(long delta, long scale) {
        double v = Math.min(1, Math.abs((double) delta) / scale);
        // Small changes still show: the square root lifts them off white.
        double fade = 1 - Math.sqrt(v) * 0.85;
        return delta > 0 ? rgb(255, 255 * fade, 255 * fade) : delta < 0 ? rgb(255 * fade, 255 * fade, 255) : rgb(250, 250, 250);
    }

    private static String rgb(double r, double g, double b) {
        return "rgb(" + (int) r + "," + (int) g + "," + (int) b + ")";
    }

    static String xml(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> out.append(c < 0x20 ? ' ' : c);
            }
        }
        return out.toString();
    }

    /** Zoom on click, reset, search: the graph's behaviour, bound to the graph with the given id. */
    private static final String SCRIPT = """
            function (id, width, pad) {
              var svg = document.getElementById(id);
              if (!svg) { return; }
              var plot = width - 2 * pad;
              var frames = Array.prototype.slice.call(svg.querySelectorAll('g.f'));
              var details = svg.querySelector('.details');
              var matched = svg.querySelector('.matched');
              var reset = svg.querySelector('.reset');
              function num(g, a) { return parseFloat(g.getAttribute(a)); }
              function place(g, x, w) {
                var rect = g.querySelector('rect'), text = g.querySelector('text'), name = g.getAttribute('data-n');
                rect.setAttribute('x', x.toFixed(2));
                rect.setAttribute('width', Math.max(0, w - 0.5).toFixed(2));
                text.setAttribute('x', (x + 3).toFixed(2));
                var chars = Math.floor((w - 6) / 7);
                text.textContent = chars < 3 ? '' : (name.length <= chars ? name : name.substring(0, chars - 2) + '..');
              }
              function zoom(target) {
                var a = num(target, 'data-x0'), b = num(target, 'data-x1'), d = num(target, 'data-d');
                frames.forEach(function (g) {
                  var x0 = num(g, 'data-x0'), x1 = num(g, 'data-x1');
                  if (g !== target && (x1 <= a + 1e-12 || x0 >= b - 1e-12)) { g.setAttribute('display', 'none'); return; }
                  g.removeAttribute('display');
                  if (num(g, 'data-d') < d) { place(g, pad, plot); g.setAttribute('opacity', '0.6'); }
                  else { place(g, pad + (x0 - a) / (b - a) * plot, (x1 - x0) / (b - a) * plot); g.removeAttribute('opacity'); }
                });
                reset.removeAttribute('display');
              }
              function unzoom() {
                frames.forEach(function (g) {
                  g.removeAttribute('display'); g.removeAttribute('opacity');
                  place(g, pad + num(g, 'data-x0') * plot, (num(g, 'data-x1') - num(g, 'data-x0')) * plot);
                });
                reset.setAttribute('display', 'none');
              }
              function search(term) {
                var re = null;
                try { re = term ? new RegExp(term) : null; } catch (e) { matched.textContent = 'Not a regular expression: ' + term; return; }
                var spans = [];
                frames.forEach(function (g) {
                  var rect = g.querySelector('rect');
                  if (!rect.hasAttribute('data-fill')) { rect.setAttribute('data-fill', rect.getAttribute('fill')); }
                  var hit = re !== null && re.test(g.getAttribute('data-n'));
                  rect.setAttribute('fill', hit ? 'rgb(230,0,230)' : rect.getAttribute('data-fill'));
                  if (hit) { spans.push([num(g, 'data-x0'), num(g, 'data-x1')]); }
                });
                spans.sort(function (p, q) { return p[0] - q[0]; });
                var covered = 0, end = -1;
                spans.forEach(function (s) { if (s[1] > end) { covered += s[1] - Math.max(s[0], end); end = s[1]; } });
                matched.textContent = re === null ? '' : 'Matched: ' + (100 * covered).toFixed(2) + '% of all instructions';
              }
              frames.forEach(function (g) {
                g.addEventListener('click', function () { zoom(g); });
                g.addEventListener('mouseover', function () { details.textContent = g.querySelector('title').textContent; });
                g.addEventListener('mouseout', function () { details.textContent = ' '; });
              });
              reset.addEventListener('click', unzoom);
              svg.querySelector('.search').addEventListener('click', function () {
                search(window.prompt('Search frames (regular expression; empty clears)', '') || '');
              });
            }""";
}
