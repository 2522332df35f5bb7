package dev.wasrisc.conformance;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a linked ELF conforms to the zkVM standard target ({@code riscv64im_zicclsm-unknown-none-elf},
 * eth-act's zkvm-standards): only RV64IM instructions, no segment both writable and executable, code
 * in segments of its own (no read-only data beside it), the symbols of the static-library contract,
 * and a {@code _start} that calls {@code main}. The segments and symbols come from the ELF itself;
 * the instructions from {@code objdump -d -M no-aliases}, which the caller runs. Stateless.
 */
public final class StandardTarget {

    /** The target's triple. */
    public static final String TRIPLE = "riscv64im_zicclsm-unknown-none-elf";

    /** The symbols the standard's static-library contract names. */
    public static final List<String> REQUIRED_SYMBOLS = List.of("_start", "main", "read_input", "write_output",
            "_heap_start", "_heap_end");

    /** RV64I and M as objdump names them with {@code -M no-aliases}, and the aliases it prints without. */
    private static final Set<String> RV64IM = Set.of(
            "lui", "auipc", "jal", "jalr", "beq", "bne", "blt", "bge", "bltu", "bgeu",
            "lb", "lh", "lw", "ld", "lbu", "lhu", "lwu", "sb", "sh", "sw", "sd",
            "addi", "slti", "sltiu", "xori", "ori", "andi", "slli", "srli", "srai",
            "add", "sub", "sll", "slt", "sltu", "xor", "srl", "sra", "or", "and",
            "addiw", "slliw", "srliw", "sraiw", "addw", "subw", "sllw", "srlw", "sraw",
            "fence", "ecall", "ebreak",
            "mul", "mulh", "mulhsu", "mulhu", "div", "divu", "rem", "remu", "mulw", "divw", "divuw", "remw", "remuw",
            // Aliases of the above, as objdump prints them without -M no-aliases.
            "nop", "li", "mv", "not", "neg", "negw", "sext.w", "zext.b", "seqz", "snez", "sltz", "sgtz",
            "beqz", "bnez", "blez", "bgez", "bltz", "bgtz", "bgt", "ble", "bgtu", "bleu",
            "j", "jr", "ret", "call", "tail", "la", "lla");

    /** The extensions instructions outside RV64IM belong to, by their mnemonic's start. */
    private static final Map<String, String> EXTENSIONS = new LinkedHashMap<>();

    static {
        EXTENSIONS.put("c.", "C (compressed)");
        EXTENSIONS.put("lr.", "A (atomics)");
        EXTENSIONS.put("sc.", "A (atomics)");
        EXTENSIONS.put("amo", "A (atomics)");
        EXTENSIONS.put("csr", "Zicsr");
        EXTENSIONS.put("fence.i", "Zifencei");
        EXTENSIONS.put("f", "F/D (floating point)");
        EXTENSIONS.put("v", "V (vector)");
        EXTENSIONS.put("mret", "privileged");
        EXTENSIONS.put("sret", "privileged");
        EXTENSIONS.put("wfi", "privileged");
        EXTENSIONS.put("sfence", "privileged");
    }

    private static final Pattern FUNCTION = Pattern.compile("^[0-9a-f]+ <(.+)>:$");
    private static final Pattern INSTRUCTION = Pattern.compile("^\\s*([0-9a-f]+):\\t([0-9a-f ]+)\\t(\\S+)(.*)$");
    private static final int MAX_REPORTED = 12;

    private StandardTarget() {}

    /**
     * What in {@code elf} breaks the target, one sentence each; empty when it conforms.
     *
     * @param disassembly the output of {@code objdump -d -M no-aliases} on the same ELF
     */
    public static List<String> violations(Path elf, String disassembly) throws IOException {
        List<String> found = new ArrayList<>();
        Elf parsed = Elf.parse(Files.readAllBytes(elf));
        found.addAll(segments(parsed));
        for (String symbol : REQUIRED_SYMBOLS) {
            if (!parsed.symbols.containsKey(symbol)) {
                found.add("the required symbol " + symbol + " is missing");
            }
        }
        found.addAll(instructions(disassembly));
        if (parsed.symbols.containsKey("_start") && parsed.symbols.containsKey("main")
                && !startCallsMain(disassembly)) {
            found.add("_start does not call main");
        }
        return found;
    }

    /** The extension an instruction outside RV64IM belongs to, as violations name it. */
    static String extensionOf(String mnemonic) {
        for (Map.Entry<String, String> extension : EXTENSIONS.entrySet()) {
            if (mnemonic.startsWith(extension.getKey())) {
                return extension.getValue();
            }
        }
        return mnemonic.startsWith(".") || mnemonic.startsWith("0x") || mnemonic.equals("unimp")
                ? "not an instruction" : "not in RV64IM";
    }

    /**
     * Why WAMR's loaded AOT cannot conform: its code is data until the loader copies it into a
     * writable region and runs it there. As CellResolver refuses {@code wamr-zkvm} cells, and as the
     * check says of a binary with that region.
     */
    public static final String WAMR_LOADED_CODE = "WAMR's AOT loader reads the module's code as data, copies it into "
            + "a writable region (wasrisc_wamr_code_region) and runs it there: code in writable memory, which the "
            + "standard's write-xor-execute layout forbids (wamr_xip runs the code in place from the text segment "
            + "and conforms)";

    private static List<String> segments(Elf elf) {
        List<String> found = new ArrayList<>();
        if (elf.symbols.containsKey("wasrisc_wamr_code_region")
                && elf.sections.stream().anyMatch(s -> (s.flags & Elf.SHF_EXECINSTR) != 0
                        && (s.flags & Elf.SHF_WRITE) != 0)) {
            found.add(WAMR_LOADED_CODE);
        }
        for (Section section : elf.sections) {
            if ((section.flags & Elf.SHF_EXECINSTR) != 0 && (section.flags & Elf.SHF_WRITE) != 0) {
                found.add("section " + section.name + " is writable and executable");
            }
        }
        for (int i = 0; i < elf.segments.size(); i++) {
            Segment segment = elf.segments.get(i);
            if (segment.type != Elf.PT_LOAD) {
                continue;
            }
            String name = "segment " + i + " at 0x" + Long.toHexString(segment.vaddr);
            boolean executable = (segment.flags & 1) != 0;
            if (executable && (segment.flags & 2) != 0) {
                found.add(name + " is writable and executable");
            }
            if (!executable) {
                continue;
            }
            for (Section section : elf.sections) {
                boolean allocated = (section.flags & Elf.SHF_ALLOC) != 0;
                boolean code = (section.flags & Elf.SHF_EXECINSTR) != 0;
                if (allocated && !code && section.size > 0 && section.addr < segment.vaddr + segment.memsz
                        && section.addr + section.size > segment.vaddr) {
                    found.add("code shares " + name + " with data: section " + section.name
                            + ((section.flags & Elf.SHF_WRITE) != 0 ? " (writable)" : " (read-only)"));
                }
            }
        }
        return found;
    }

    private static List<String> instructions(String disassembly) {
        Map<String, String> firstSeen = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        String function = "?";
        for (String line : disassembly.split("\n")) {
            Matcher start = FUNCTION.matcher(line);
            if (start.matches()) {
                function = start.group(1);
                continue;
            }
            Matcher instruction = INSTRUCTION.matcher(line);
            if (!instruction.matches()) {
                continue;
            }
            String mnemonic = instruction.group(3);
            boolean compressed = instruction.group(2).trim().length() == 4;
            if (RV64IM.contains(mnemonic) && !compressed) {
                continue;
            }
            // objdump decodes compressed code only in an ELF flagged RVC, and prints it as .2byte otherwise.
            String key = compressed && !mnemonic.startsWith("c.") ? "c.(2-byte " + mnemonic + ")" : mnemonic;
            counts.merge(key, 1, Integer::sum);
            firstSeen.putIfAbsent(key, "0x" + instruction.group(1) + " in " + function);
        }
        List<String> found = new ArrayList<>();
        for (Map.Entry<String, String> seen : firstSeen.entrySet()) {
            if (found.size() == MAX_REPORTED) {
                found.add("and " + (firstSeen.size() - MAX_REPORTED) + " more mnemonics outside RV64IM");
                break;
            }
            String mnemonic = seen.getKey();
            found.add("instruction outside RV64IM: " + mnemonic + " (" + extensionOf(mnemonic) + "), "
                    + counts.get(mnemonic) + "x, first at " + seen.getValue());
        }
        return found;
    }

    private static boolean startCallsMain(String disassembly) {
        boolean inStart = false;
        for (String line : disassembly.split("\n")) {
            Matcher function = FUNCTION.matcher(line);
            if (function.matches()) {
                inStart = function.group(1).equals("_start");
                continue;
            }
            Matcher instruction = INSTRUCTION.matcher(line);
            if (inStart && instruction.matches() && instruction.group(4).contains("<main>")
                    && Set.of("jal", "jalr", "call", "tail", "j").contains(instruction.group(3))) {
                return true;
            }
        }
        return false;
    }

    private record Segment(long type, long flags, long vaddr, long memsz) {}

    private record Section(String name, long type, long flags, long addr, long size) {}

    /** The parts of a little-endian ELF64 the check reads: program headers, section headers, symbols. */
    private record Elf(List<Segment> segments, List<Section> sections, Map<String, Long> symbols) {

        static final long PT_LOAD = 1;
        static final long SHF_WRITE = 1;
        static final long SHF_ALLOC = 2;
        static final long SHF_EXECINSTR = 4;
        private static final int SHT_SYMTAB = 2;

        static Elf parse(byte[] bytes) throws IOException {
            ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            if (bytes.length < 64 || b.getInt(0) != 0x464c457f || bytes[4] != 2 || bytes[5] != 1) {
                throw new IOException("not a little-endian ELF64 file");
            }
            long phoff = b.getLong(0x20);
            long shoff = b.getLong(0x28);
            int phentsize = Short.toUnsignedInt(b.getShort(0x36));
            int phnum = Short.toUnsignedInt(b.getShort(0x38));
            int shentsize = Short.toUnsignedInt(b.getShort(0x3a));
            int shnum = Short.toUnsignedInt(b.getShort(0x3c));
            int shstrndx = Short.toUnsignedInt(b.getShort(0x3e));
            List<Segment> segments = new ArrayList<>();
            for (int i = 0; i < phnum; i++) {
                int p = (int) (phoff + (long) i * phentsize);
                segments.add(new Segment(Integer.toUnsignedLong(b.getInt(p)), Integer.toUnsignedLong(b.getInt(p + 4)),
                        b.getLong(p + 16), b.getLong(p + 40)));
            }
            long names = shnum > shstrndx ? b.getLong((int) (shoff + (long) shstrndx * shentsize + 24)) : 0;
            List<Section> sections = new ArrayList<>();
            Map<String, Long> symbols = new LinkedHashMap<>();
            for (int i = 0; i < shnum; i++) {
                int s = (int) (shoff + (long) i * shentsize);
                int type = b.getInt(s + 4);
                sections.add(new Section(string(bytes, names + Integer.toUnsignedLong(b.getInt(s))), type,
                        b.getLong(s + 8), b.getLong(s + 16), b.getLong(s + 32)));
                if (type == SHT_SYMTAB) {
                    long offset = b.getLong(s + 24);
                    long size = b.getLong(s + 32);
                    int link = b.getInt(s + 40);
                    long strings = b.getLong((int) (shoff + (long) link * shentsize + 24));
                    for (long e = offset; e + 24 <= offset + size; e += 24) {
                        int nameOffset = b.getInt((int) e);
                        int shndx = Short.toUnsignedInt(b.getShort((int) e + 6));
                        if (nameOffset != 0 && shndx != 0) {
                            symbols.putIfAbsent(string(bytes, strings + Integer.toUnsignedLong(nameOffset)),
                                    b.getLong((int) e + 8));
                        }
                    }
                }
            }
            return new Elf(segments, sections, symbols);
        }

        private static String string(byte[] bytes, long offset) {
            int end = (int) offset;
            while (end < bytes.length && bytes[end] != 0) {
                end++;
            }
            return new String(bytes, (int) offset, end - (int) offset, StandardCharsets.US_ASCII);
        }
    }
}
