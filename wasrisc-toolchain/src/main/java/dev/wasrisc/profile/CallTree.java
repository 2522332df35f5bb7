package dev.wasrisc.profile;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's instructions by call stack: the plugin's per-thread call trees, merged by the names of
 * their frames. Every executed instruction is in exactly one frame's {@link Frame#self() self}
 * count, so the self counts sum to the run's total; a frame's {@link Frame#total() total} adds its
 * callees'.
 */
public final class CallTree {

    /** A function in one call stack. */
    public static final class Frame {
        private final String name;
        private final FrameGroup group;
        private final Frame parent;
        private final Map<String, Frame> children = new LinkedHashMap<>();
        private long self;
        private long total;

        private Frame(String name, FrameGroup group, Frame parent) {
            this.name = name;
            this.group = group;
            this.parent = parent;
        }

        public String name() {
            return name;
        }

        public FrameGroup group() {
            return group;
        }

        /** Instructions executed in this function itself, in this stack. */
        public long self() {
            return self;
        }

        /** Instructions executed in this function and everything it called, in this stack. */
        public long total() {
            return total;
        }

        public Collection<Frame> children() {
            return children.values();
        }

        /** The frame's stack from the outermost function, names joined by {@code ;}. */
        public String stack() {
            Deque<String> names = new ArrayDeque<>();
            for (Frame f = this; f.parent != null; f = f.parent) {
                names.addFirst(f.name.replace(';', ':'));
            }
            return String.join(";", names);
        }

        public Frame parent() {
            return parent;
        }

        Frame child(String name, FrameGroup group) {
            return children.computeIfAbsent(name, n -> new Frame(n, group, this));
        }
    }

    private final Frame root;

    private CallTree(Frame root) {
        this.root = root;
        sumTotals();
    }

    /**
     * Reads the plugin's call-graph file ({@code THREAD NODE PARENT FUNCTION SELF} per line, a node's
     * parent listed before it, parent 0 the thread's root) with the names of the functions it numbers
     * ({@code symbols.get(0)} for addresses without a symbol).
     */
    public static CallTree read(Path file, List<String> symbols, FrameNames names) throws IOException {
        // Named when first seen: a run reaches hundreds of a Go binary's tens of thousands of symbols.
        String[] readable = new String[symbols.size()];
        FrameGroup[] groups = new FrameGroup[symbols.size()];
        Frame root = new Frame("all", FrameGroup.GUEST, null);
        Map<Long, Frame> nodes = new HashMap<>();
        try (BufferedReader lines = Files.newBufferedReader(file)) {
            for (String line; (line = lines.readLine()) != null; ) {
                String[] fields = line.split(" ");
                if (fields.length != 5) {
                    throw new IOException("malformed call-graph line in " + file + ": " + line);
                }
                long thread = Long.parseLong(fields[0]);
                int function = Integer.parseInt(fields[3]);
                long parentNode = Long.parseLong(fields[2]);
                Frame parent = parentNode == 0 ? root : nodes.get(thread << 32 | parentNode);
                if (parent == null || function < 0 || function >= readable.length) {
                    throw new IOException("call-graph line in " + file + " names an unknown node or function: " + line);
                }
                if (readable[function] == null) {
                    readable[function] = names.readable(symbols.get(function));
                    groups[function] = names.group(symbols.get(function), readable[function]);
                }
                Frame frame = parent.child(readable[function], groups[function]);
                frame.self += Long.parseLong(fields[4]);
                nodes.put(thread << 32 | Long.parseLong(fields[1]), frame);
            }
        }
        return new CallTree(root);
    }

    /** A tree from folded stacks ({@code a;b;c COUNT} per line), as {@link #folded()} writes them. */
    public static CallTree fromFolded(List<String> folded, FrameNames names) {
        Frame root = new Frame("all", FrameGroup.GUEST, null);
        for (String line : folded) {
            int space = line.lastIndexOf(' ');
            Frame frame = root;
            for (String name : line.substring(0, space).split(";")) {
                frame = frame.child(name, names.group(name, name));
            }
            frame.self += Long.parseLong(line.substring(space + 1).trim());
        }
        return new CallTree(root);
    }

    private void sumTotals() {
        // Iterative: a deeply recursive guest makes stacks deeper than the JVM's.
        List<Frame> order = frames();
        for (int i = order.size() - 1; i >= 0; i--) {
            Frame frame = order.get(i);
            frame.total = frame.self;
            for (Frame child : frame.children.values()) {
                frame.total += child.total;
            }
        }
    }

    /** Every frame, each before its children (the root first). */
    public List<Frame> frames() {
        List<Frame> order = new ArrayList<>();
        Deque<Frame> pending = new ArrayDeque<>(List.of(root));
        while (!pending.isEmpty()) {
            Frame frame = pending.pop();
            order.add(frame);
            List<Frame> children = new ArrayList<>(frame.children.values());
            for (int i = children.size() - 1; i >= 0; i--) {
                pending.push(children.get(i));
            }
        }
        return order;
    }

    /** The tree's root, {@code all}: its total is the run's instruction count. */
    public Frame root() {
        return root;
    }

    public long total() {
        return root.total;
    }

    /** Folded stacks, one {@code outer;…;inner SELF} line per stack with instructions of its own, sorted. */
    public List<String> folded() {
        List<String> lines = new ArrayList<>();
        for (Frame frame : frames()) {
            if (frame.self > 0 && frame.parent != null) {
                lines.add(frame.stack() + " " + frame.self);
            }
        }
        lines.sort(null);
        return lines;
    }

    /** Each function's own instructions over all its stacks. */
    public Map<String, Long> selfByFunction() {
        Map<String, Long> self = new HashMap<>();
        for (Frame frame : frames()) {
            if (frame.parent != null) {
                self.merge(frame.name, frame.self, Long::sum);
            }
        }
        return self;
    }

    /**
     * Each function's inclusive instructions: its stacks' totals, a recursive call counted once (a
     * frame whose function is already on its stack adds nothing).
     */
    public Map<String, Long> inclusiveByFunction() {
        Map<String, Long> inclusive = new HashMap<>();
        for (Frame frame : frames()) {
            if (frame.parent == null || onStackAbove(frame)) {
                continue;
            }
            inclusive.merge(frame.name, frame.total, Long::sum);
        }
        return inclusive;
    }

    private static boolean onStackAbove(Frame frame) {
        for (Frame f = frame.parent; f != null && f.parent != null; f = f.parent) {
            if (f.name.equals(frame.name)) {
                return true;
            }
        }
        return false;
    }

    /** Own instructions per group: how much of the run is start-up, WASI, memory copy, traps. */
    public Map<FrameGroup, Long> selfByGroup() {
        Map<FrameGroup, Long> groups = new EnumMap<>(FrameGroup.class);
        for (Frame frame : frames()) {
            if (frame.parent != null && frame.self > 0) {
                groups.merge(frame.group, frame.self, Long::sum);
            }
        }
        return groups;
    }
}
