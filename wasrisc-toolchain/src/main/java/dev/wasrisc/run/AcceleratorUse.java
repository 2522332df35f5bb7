package dev.wasrisc.run;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a run spent in one zkVM accelerator, as the counting plugin saw it between the markers of
 * {@code platform/zkvm/qemu}: a zkVM with the accelerator as a precompile charges its own price for
 * these calls instead of these instructions.
 *
 * @param name the accelerator without the {@code zkvm_} prefix, such as {@code keccak256}
 * @param calls how often the guest called it
 * @param bytesIn the bytes it handed in over all calls (inputs and keys, not output buffers)
 * @param instructions the instructions spent inside it, in the reference implementation
 */
public record AcceleratorUse(String name, long calls, long bytesIn, long instructions) {

    /** The sum of every accelerator's instructions. */
    public static long instructions(List<AcceleratorUse> uses) {
        return uses.stream().mapToLong(AcceleratorUse::instructions).sum();
    }

    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", name);
        map.put("calls", calls);
        map.put("bytesIn", bytesIn);
        map.put("instructions", instructions);
        return map;
    }
}
