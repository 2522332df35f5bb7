package dev.wasrisc.build;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the build cache keeps about one build, next to the binary ({@code build.json}).
 *
 * @param launchArgs arguments the binary takes before the guest's own, for binaries that are a
 *     runtime loading the guest (such as {@code run module.cwasm}); empty for native binaries
 * @param code what the binary compiles beyond the cell's own choices, as short flags reports show
 *     next to its count (such as {@code cgo}: a Go guest whose native imports link C through cgo)
 * @param actions the build's cached steps by outcome ({@code ran}, {@code cached}) and stage, with
 *     how many: what a rebuild actually cost
 */
public record BuildRecord(
        String guest,
        String language,
        String pipeline,
        int optLevel,
        String target,
        long buildMillis,
        Map<String, String> tools,
        List<String> commands,
        List<String> launchArgs,
        List<String> code,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Long> rewrites,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Map<String, Long>> actions) {

    public BuildRecord(String guest, String language, String pipeline, int optLevel, String target, long buildMillis,
            Map<String, String> tools, List<String> commands, List<String> launchArgs, List<String> code,
            Map<String, Long> rewrites) {
        this(guest, language, pipeline, optLevel, target, buildMillis, tools, commands, launchArgs, code, rewrites,
                Map.of());
    }

    public BuildRecord {
        launchArgs = launchArgs == null ? List.of() : List.copyOf(launchArgs);
        code = code == null ? List.of() : List.copyOf(code);
        rewrites = rewrites == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(rewrites));
        actions = actions == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(actions));
    }
}
