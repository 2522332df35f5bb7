package dev.wasrisc.cgen;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code threaded} option ({@code CellOption.THREADED}) for w2c2's C. A function that Go's
 * WebAssembly back end writes is a loop whose head switches on the function's first parameter, the
 * index of the block to resume at; w2c2 writes that head as
 *
 * <pre>
 * L2:;
 * W2C2_LOOP_START
 * {
 * si0=l0;
 * switch(si0){
 * case 0:
 * goto L29;
 * ...
 * default:
 * goto L3;
 * }
 * </pre>
 *
 * and each backward branch as {@code si0=10U; l0=si0; goto L2;}. Each such branch becomes a jump
 * to the block that {@code case 10} names (the index is still stored, as before), and the head
 * tests for 0, a call's entry, before the jump table. Functions without such a head are left
 * alone; a head whose switch has another shape fails the build, as does a Go module with no head
 * at all ({@link #requireThreaded}): the cell would otherwise be the unthreaded one under its name.
 */
public final class W2c2ResumeDispatch {

    /** What the build record counts: functions whose resume jumps were threaded. */
    static final String FUNCTIONS = "functions threaded";

    private static final String JUMPS = "resume jumps threaded";

    private static final Pattern FUNCTION_START =
            Pattern.compile("(?m)^(?:U32|U64|F32|F64|void) (\\w+)\\([^\n]*\\) \\{$");

    private static final String HEAD = "W2C2_LOOP_START\n{\nsi0=l0;\nswitch(si0){\n";

    private static final Pattern LOOP = Pattern.compile("(L\\d+):;\n" + Pattern.quote(HEAD));

    /** One case at a time: a repeated group over a whole switch would overflow the regex engine's stack. */
    private static final Pattern CASE = Pattern.compile("\\Gcase (\\d+):\ngoto (L\\d+);\n");

    private static final Pattern DEFAULT = Pattern.compile("\\Gdefault:\ngoto (L\\d+);\n}");

    /** A backward branch with its resume index: threaded when its label is the loop's. */
    private static final Pattern RESUME = Pattern.compile("si0=(\\d+)U;\nl0=si0;\ngoto (L\\d+);");

    private W2c2ResumeDispatch() {}

    /** The C file with each function's resume jumps threaded, counted in {@code rewrite}. */
    public static String thread(CRewrite rewrite, String c) {
        List<Integer> starts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        Matcher start = FUNCTION_START.matcher(c);
        while (start.find()) {
            starts.add(start.start());
            names.add(start.group(1));
        }
        starts.add(c.length());
        StringBuilder out = new StringBuilder(c.length() + c.length() / 16);
        out.append(c, 0, starts.get(0));
        long threaded = 0;
        for (int f = 0; f + 1 < starts.size(); f++) {
            String function = c.substring(starts.get(f), starts.get(f + 1));
            String result = threadFunction(rewrite, names.get(f), function);
            threaded += result == null ? 0 : 1;
            out.append(result == null ? function : result);
        }
        rewrite.count(FUNCTIONS, threaded);
        return out.toString();
    }

    /** Fails unless {@link #thread} threaded a function in some file: every function Go writes has the head. */
    public static void requireThreaded(CRewrite rewrite) {
        rewrite.requireSome(FUNCTIONS, LOOP.pattern());
    }

    /** The function threaded; null when it has no resume loop. */
    private static String threadFunction(CRewrite rewrite, String name, String function) {
        Matcher loop = LOOP.matcher(function);
        if (!loop.find()) {
            return null;
        }
        Map<String, String> blocks = new HashMap<>();
        Matcher branch = CASE.matcher(function);
        int at = loop.end();
        while (branch.find(at)) {
            blocks.put(branch.group(1), branch.group(2));
            at = branch.end();
        }
        Matcher fallback = DEFAULT.matcher(function);
        if (!fallback.find(at)) {
            throw rewrite.refused(FUNCTIONS, CASE.pattern() + "... " + DEFAULT.pattern(), "function " + name
                    + " has the resume loop's head, but its switch is not all 'case N: goto L;' then "
                    + "'default: goto L;'");
        }
        String otherwise = fallback.group(1);
        String withFastEntry = function.substring(0, loop.end() - HEAD.length())
                + "W2C2_LOOP_START\n{\nsi0=l0;\nif(__builtin_expect(si0==0U,1))goto "
                + blocks.getOrDefault("0", otherwise) + ";\nswitch(si0){\n" + function.substring(loop.end());
        String head = loop.group(1);
        Matcher resume = RESUME.matcher(withFastEntry);
        StringBuilder threaded = new StringBuilder(withFastEntry.length());
        long jumps = 0;
        while (resume.find()) {
            if (resume.group(2).equals(head)) {
                jumps++;
                resume.appendReplacement(threaded, "si0=$1U;\nl0=si0;\ngoto "
                        + blocks.getOrDefault(resume.group(1), otherwise) + ";");
            }
        }
        rewrite.count(JUMPS, jumps);
        return resume.appendTail(threaded).toString();
    }
}
