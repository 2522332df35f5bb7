package dev.wasrisc.profile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * A call tree as pprof's {@code profile.proto} (gzipped), which {@code go tool pprof} and other pprof
 * readers open: one sample per stack, its value the stack's own instructions. The few message fields
 * needed are written by hand rather than through a protobuf library.
 */
public final class Pprof {

    private final List<String> strings = new ArrayList<>();
    private final Map<String, Integer> stringIndex = new HashMap<>();
    private final Map<String, Integer> functionIds = new HashMap<>();
    private final ByteArrayOutputStream functions = new ByteArrayOutputStream();
    private final ByteArrayOutputStream samples = new ByteArrayOutputStream();

    private Pprof() {
        string("");
    }

    /** {@code tree} as a gzipped profile.proto. */
    public static byte[] gzipped(CallTree tree, String binaryName) throws IOException {
        byte[] profile = new Pprof().encode(tree, binaryName);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(profile);
        }
        return bytes.toByteArray();
    }

    private byte[] encode(CallTree tree, String binaryName) throws IOException {
        for (CallTree.Frame frame : tree.frames()) {
            if (frame.parent() == null || frame.self() == 0) {
                continue;
            }
            List<Long> locations = new ArrayList<>();
            for (CallTree.Frame f = frame; f.parent() != null; f = f.parent()) {
                locations.add((long) function(f.name(), binaryName)); // a location per function: same id
            }
            ByteArrayOutputStream sample = new ByteArrayOutputStream();
            packed(sample, 1, locations);
            packed(sample, 2, List.of(frame.self()));
            message(samples, 2, sample.toByteArray());
        }
        ByteArrayOutputStream profile = new ByteArrayOutputStream();
        message(profile, 1, valueType("instructions", "count"));
        profile.write(samples.toByteArray());
        for (int id = 1; id <= functionIds.size(); id++) {
            ByteArrayOutputStream location = new ByteArrayOutputStream();
            varintField(location, 1, id);
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            varintField(line, 1, id);
            message(location, 4, line.toByteArray());
            message(profile, 4, location.toByteArray());
        }
        profile.write(functions.toByteArray());
        for (String s : strings) {
            message(profile, 6, s.getBytes(StandardCharsets.UTF_8));
        }
        message(profile, 11, valueType("instructions", "count"));
        varintField(profile, 12, 1);
        return profile.toByteArray();
    }

    private int function(String name, String binaryName) throws IOException {
        Integer id = functionIds.get(name);
        if (id != null) {
            return id;
        }
        int newId = functionIds.size() + 1;
        functionIds.put(name, newId);
        ByteArrayOutputStream function = new ByteArrayOutputStream();
        varintField(function, 1, newId);
        varintField(function, 2, string(name));
        varintField(function, 3, string(name));
        varintField(function, 4, string(binaryName));
        message(functions, 5, function.toByteArray());
        return newId;
    }

    private byte[] valueType(String type, String unit) throws IOException {
        ByteArrayOutputStream value = new ByteArrayOutputStream();
        varintField(value, 1, string(type));
        varintField(value, 2, string(unit));
        return value.toByteArray();
    }

    private int string(String s) {
        return stringIndex.computeIfAbsent(s, k -> {
            strings.add(k);
            return strings.size() - 1;
        });
    }

    private static void varintField(ByteArrayOutputStream out, int field, long value) {
        varint(out, (long) field << 3);
        varint(out, value);
    }

    private static void message(ByteArrayOutputStream out, int field, byte[] bytes) throws IOException {
        varint(out, (long) field << 3 | 2);
        varint(out, bytes.length);
        out.write(bytes);
    }

    private static void packed(ByteArrayOutputStream out, int field, List<Long> values) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        values.forEach(v -> varint(body, v));
        message(out, field, body.toByteArray());
    }

    private static void varint(ByteArrayOutputStream out, long value) {
        while ((value & ~0x7fL) != 0) {
            out.write((int) (value & 0x7f) | 0x80);
            value >>>= 7;
        }
        out.write((int) value);
    }
}
