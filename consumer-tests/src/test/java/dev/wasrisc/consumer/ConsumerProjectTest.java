package dev.wasrisc.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wasrisc.GuestRun;
import dev.wasrisc.Wasrisc;
import dev.wasrisc.cell.Pipeline;
import dev.wasrisc.settings.Settings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Uses WASRISC as a zkVM developer does: a Maven project of their own (src/test/resources/consumer-project,
 * copied outside this repository) with C, Go and Rust guests in src/test/guests, one of them with an
 * import it implements itself, depending on the installed wasrisc-junit and setting no wasrisc.* property.
 * Its {@code mvn test} must pass, and the counts its Surefire XML and report hold must be the counts
 * this repository's own session measures for the same guests.
 */
class ConsumerProjectTest {

    private static final Path TEMPLATE = Path.of("src/test/resources/consumer-project").toAbsolutePath();
    /** What the extension prints for every run, into the test case's system-out. */
    private static final Pattern RUN_LINE = Pattern.compile(
            "wasrisc: (\\S+) via (.+?) \\((\\S+)\\): exit (-?\\d+), ([\\d,]+) instructions");

    @Test
    void aUsersOwnProjectPassesAndReportsTheCountsThisRepositoryMeasures(@TempDir Path outside) throws Exception {
        Path project = copyTemplate(outside.resolve("zk-guests"));
        for (Path dir = project; dir != null; dir = dir.getParent()) {
            assertThat(dir.resolve("platform/include/wasrisc.h")).as("a platform/ above the project").doesNotExist();
        }

        String log = mvnTest(project);

        Path xml = project.resolve("target/surefire-reports/TEST-org.example.zkguests.GuestsTest.xml");
        List<Case> cases = testCases(xml);
        // Seven cells of c/tripler and two cells each of go/collatz and rust/collatz.
        assertThat(cases).as(log).hasSize(11);
        Map<String, Long> counted = new HashMap<>();
        for (Case c : cases) {
            if (c.skipped != null) {
                // Only the tools a user builds themselves may be missing (see the README's Pipelines).
                assertThat(c.skipped).as(c.name).containsAnyOf("w2c2", "wamrc", "wamr-source", "install-runners.sh");
                continue;
            }
            Matcher run = RUN_LINE.matcher(c.systemOut);
            assertThat(run.find()).as("a run line in the system-out of " + c.name + ":\n" + c.systemOut).isTrue();
            assertThat(run.group(4)).as(c.name).isEqualTo("0");
            counted.put(run.group(1) + " | " + run.group(2), Long.parseLong(run.group(5).replace(",", "")));
        }
        // For the log: what the user's project measured, cell by cell.
        new java.util.TreeMap<>(counted).forEach((cell, count) -> System.out.printf("consumer project: %-28s %,d%n", cell, count));
        cases.stream().filter(c -> c.skipped != null).forEach(c -> System.out.println("consumer project: skipped " + c.skipped));
        assertThat(counted).containsKeys("c/tripler | direct -O2", "c/tripler | wasm2c -O0", "c/tripler | wasm2c -O2",
                "go/collatz | direct -O2", "go/collatz | wasm2c -O0", "rust/collatz | direct -O2",
                "rust/collatz | wasm2c -O0");

        JsonNode report = new ObjectMapper().readTree(project.resolve("target/wasrisc-report/results.json").toFile());
        for (JsonNode run : report.get("runs")) {
            String key = run.get("guest").asText() + " | " + Pipeline.parse(run.get("cell").asText()).displayName();
            assertThat(run.get("instructions").asLong()).as("results.json against the XML, " + key)
                    .isEqualTo(counted.get(key));
        }

        // The same guests through this repository's session (the platform extracted from the same jar,
        // the same build cache): a single-threaded bare-metal count is exact, so it must be equal.
        Wasrisc here = Wasrisc.from(Settings.of(Map.of("wasrisc.guests", project.resolve("src/test/guests").toString())));
        for (String cell : List.of("direct-O2", "wasm2c-O0", "wasm2c-O2")) {
            GuestRun run = here.guest("c/tripler").build(Pipeline.parse(cell)).run("14");
            assertThat(run.instructions()).as("c/tripler " + cell + " here and in the user's project")
                    .isEqualTo(counted.get("c/tripler | " + Pipeline.parse(cell).displayName()));
        }
    }

    private static Path copyTemplate(Path project) throws IOException {
        String version = System.getProperty("consumer.wasriscVersion");
        try (Stream<Path> files = Files.walk(TEMPLATE)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = project.resolve(TEMPLATE.relativize(file).toString());
                Files.createDirectories(target.getParent());
                if (file.getFileName().toString().equals("pom.xml")) {
                    Files.writeString(target, Files.readString(file).replace("@wasrisc.version@", version));
                } else {
                    Files.copy(file, target);
                }
            }
        }
        return project;
    }

    /** {@code mvn test} in the project, with none of this build's WASRISC settings; returns the log. */
    private static String mvnTest(Path project) throws Exception {
        Path log = project.resolve("mvn.log");
        List<String> command = new ArrayList<>(List.of("mvn", "-B", "-Dstyle.color=never", "test"));
        String repo = System.getProperty("consumer.mavenRepoLocal");
        if (repo != null) {
            command.add("-Dmaven.repo.local=" + repo);
        }
        ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("WASRISC_"));
        builder.environment().put("MAVEN_OPTS", "-Djansi.noreset=true");
        Process mvn = builder.start();
        if (!mvn.waitFor(30, TimeUnit.MINUTES)) {
            mvn.descendants().forEach(ProcessHandle::destroyForcibly);
            mvn.destroyForcibly();
            fail("mvn test in the consumer project did not finish in 30 minutes; its log ends:\n" + tail(log));
        }
        String text = Files.readString(log, StandardCharsets.UTF_8);
        if (mvn.exitValue() != 0) {
            fail("mvn test in the consumer project " + project + " exited " + mvn.exitValue() + "; its log ends:\n"
                    + tail(log));
        }
        return text;
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    private record Case(String name, String skipped, String systemOut) {}

    private static List<Case> testCases(Path xml) throws Exception {
        Element suite = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile()).getDocumentElement();
        NodeList nodes = suite.getElementsByTagName("testcase");
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element testcase = (Element) nodes.item(i);
            NodeList skipped = testcase.getElementsByTagName("skipped");
            NodeList out = testcase.getElementsByTagName("system-out");
            cases.add(new Case(testcase.getAttribute("name"),
                    skipped.getLength() > 0 ? skipReason((Element) skipped.item(0)) : null,
                    out.getLength() > 0 ? out.item(0).getTextContent() : ""));
        }
        return cases;
    }

    /**
     * Surefire puts a skip's reason in the {@code message} attribute, or, for an aborted test
     * (our skips are assumptions failing), only in the element's text with the stack trace.
     */
    private static String skipReason(Element skipped) {
        String message = skipped.getAttribute("message");
        return message.isEmpty() ? skipped.getTextContent() : message;
    }
}
